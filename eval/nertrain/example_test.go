package nertrain_test

import (
	"fmt"

	"github.com/casefile/casefile/eval"
	"github.com/casefile/casefile/eval/nertrain"
)

func ExampleProject() {
	g := eval.Gold{Doc: "release", Entities: []eval.GoldEntity{
		{Type: "PERSON", Text: "Maria Lopez", Mentions: []string{"Maria Lopez", "Lopez"}},
		{Type: "PLACE", Text: "Bogotá", Mentions: []string{"Bogotá"}},
	}}
	page := "Maria Lopez flew to Bogotá.\nLopez was arrested there."
	ctxs, stats := nertrain.Project(g, []string{page}, nertrain.Options{})
	for _, c := range ctxs {
		fmt.Printf("%q\n", c.Text)
		for _, s := range c.Spans {
			fmt.Printf("  %s %d:%d %s\n", s.Label, s.Start, s.End, c.Text[s.Start:s.End])
		}
	}
	fmt.Printf("%+v\n", stats)
	// Output:
	// "Maria Lopez flew to Bogota.\nLopez was arrested there."
	//   PERSON 0:11 Maria Lopez
	//   PLACE 20:26 Bogota
	//   PERSON 28:33 Lopez
	// {Mentions:3 NotFound:0 Spans:3 Contexts:1 Blocked:0 Misaligned:0}
}
