// Package crossval holds the cross-validated evaluation of a prose entity
// model trained on the development gold set (TestTrainByFold), apart from
// package nertrain so that nertrain's own tests need no annotator. It has
// no code outside its tests.
package crossval
