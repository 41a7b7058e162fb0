package identity_test

import (
	"fmt"
	"testing"

	"github.com/casefile/casefile/identity"
	"github.com/casefile/casefile/schemas"
)

// BenchmarkResolveBigBlock resolves a dump where one agency is named in
// every filing, the shape that made resolution quadratic: 20,000 filings
// naming the FBI, each with one of 500 case numbers and one of 2,000
// defendants. ns/node must not grow with the dump.
func BenchmarkResolveBigBlock(b *testing.B) {
	for _, n := range []int{2000, 20000} {
		var nodes []identity.Node
		for i := range n {
			r := schemas.Record{ID: fmt.Sprintf("%08d", i), Case: schemas.Case{CaseNumbers: []string{fmt.Sprintf("1:20-cr-%05d", i%500)}},
				DocEntities: []schemas.DocEntity{
					{ID: "o1", Type: schemas.Organization, Name: "Federal Bureau of Investigation", Key: "bureau federal investigation"},
					{ID: "p1", Type: schemas.Person, Name: fmt.Sprintf("Jose Doe%d", i%2000), Key: fmt.Sprintf("doe%d jose", i%2000)},
				}}
			nodes = append(nodes, identity.FromRecord(&r)...)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var cs []identity.Cluster
			for b.Loop() {
				cs = identity.Resolve(nodes, nil)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(nodes)), "ns/node")
			b.ReportMetric(float64(len(cs)), "clusters")
		})
	}
}
