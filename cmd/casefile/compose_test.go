package main

import (
	"io"
	"os"
	"testing"

	"github.com/alecthomas/kong"
	"gopkg.in/yaml.v3"
)

// TestComposeFile parses docker-compose.yml (no Docker engine here) and
// checks that it has the services the layout needs and that every casefile
// command in it is one our CLI accepts.
func TestComposeFile(t *testing.T) {
	data, err := os.ReadFile("../../docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	var compose struct {
		Services map[string]struct {
			Image   string   `yaml:"image"`
			Build   string   `yaml:"build"`
			Command []string `yaml:"command"`
		} `yaml:"services"`
	}
	if err := yaml.Unmarshal(data, &compose); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"nats", "extract", "annotate", "sink"} {
		if _, ok := compose.Services[name]; !ok {
			t.Errorf("service %q missing", name)
		}
	}
	for name, svc := range compose.Services {
		if svc.Build == "" {
			continue // not a casefile image
		}
		var c cli
		p, err := kong.New(&c, kong.Writers(io.Discard, io.Discard), kong.Exit(func(int) { t.Errorf("%s: parse exited", name) }))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Parse(svc.Command); err != nil {
			t.Errorf("service %s: command %q: %v", name, svc.Command, err)
		}
	}
}
