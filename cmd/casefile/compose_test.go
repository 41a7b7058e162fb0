package main

import (
	"context"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alecthomas/kong"
	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"
)

// natsNodes are the cluster's services and the client URLs every worker
// must be given.
var natsNodes = map[string]string{"n1": "nats://n1:4222", "n2": "nats://n2:4222", "n3": "nats://n3:4222"}

// TestComposeFile loads docker-compose.yml as Docker Compose does (no
// Docker engine runs here) and checks the deployment it describes: three
// NATS nodes routed to each other, each with its volume and a health check;
// PostgreSQL; each stage a service built from the Dockerfile, pointing at
// all three nodes with 3 replicas; and every casefile command one our CLI
// accepts.
func TestComposeFile(t *testing.T) {
	path, _ := filepath.Abs("../../docker-compose.yml")
	project, err := loader.LoadWithContext(context.Background(), types.ConfigDetails{
		WorkingDir:  filepath.Dir(path),
		ConfigFiles: []types.ConfigFile{{Filename: path}},
		Environment: types.Mapping{},
	}, func(o *loader.Options) { o.SetProjectName("casefile", true) })
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}

	for name := range natsNodes {
		svc, ok := project.Services[name]
		if !ok {
			t.Errorf("NATS node %s missing", name)
			continue
		}
		if !strings.HasPrefix(svc.Image, "nats:") {
			t.Errorf("%s: image %q, want the official nats image", name, svc.Image)
		}
		cmd := strings.Join(svc.Command, " ")
		for _, want := range []string{"--jetstream", "--store_dir /data", "--cluster_name casefile", "--name " + name} {
			if !strings.Contains(cmd, want) {
				t.Errorf("%s: command %q lacks %q", name, cmd, want)
			}
		}
		routes := flagValue(svc.Command, "--routes")
		for other := range natsNodes {
			if !strings.Contains(routes, "nats://"+other+":6222") {
				t.Errorf("%s: routes %q do not reach %s", name, routes, other)
			}
		}
		if !hasVolume(svc, "/data") {
			t.Errorf("%s: no named volume on /data", name)
		} else if v := volumeAt(svc, "/data"); !hasKey(project.Volumes, v) {
			t.Errorf("%s: volume %q is not declared", name, v)
		}
		checkHealth(t, name, svc)
	}
	volumes := map[string]string{}
	for name := range natsNodes {
		v := volumeAt(project.Services[name], "/data")
		if other, dup := volumes[v]; dup && v != "" {
			t.Errorf("%s and %s share the volume %s", name, other, v)
		}
		volumes[v] = name
	}

	pg, ok := project.Services["postgres"]
	if !ok {
		t.Error("postgres service missing")
	} else {
		checkHealth(t, "postgres", pg)
		if !hasVolume(pg, "/var/lib/postgresql/data") {
			t.Error("postgres: no volume for its data")
		}
	}

	stages := map[string]bool{}
	for name, svc := range project.Services {
		if svc.Build == nil {
			continue // not a casefile image
		}
		if filepath.Base(svc.Build.Dockerfile) != "Dockerfile" {
			t.Errorf("%s: built from %q, want the repository's Dockerfile", name, svc.Build.Dockerfile)
		}
		args := []string(svc.Command)
		if len(args) == 0 || args[0] != "worker" {
			t.Errorf("%s: command %q is not a casefile worker", name, args)
			continue
		}
		for _, st := range strings.Split(flagValue(args, "--stage"), ",") {
			stages[st] = true
		}
		urls := strings.Split(flagValue(args, "--nats"), ",")
		for node, url := range natsNodes {
			if !slices.Contains(urls, url) {
				t.Errorf("%s: --nats %q does not name %s (%s)", name, urls, node, url)
			}
		}
		if r := flagValue(args, "--replicas"); r != "3" {
			t.Errorf("%s: --replicas %q, want 3", name, r)
		}
		for node := range natsNodes {
			if _, ok := svc.DependsOn[node]; !ok {
				t.Errorf("%s: does not wait for %s", name, node)
			}
		}
		var c cli
		p, err := kong.New(&c, kong.Writers(io.Discard, io.Discard), kong.Exit(func(int) { t.Errorf("%s: parse exited", name) }))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Parse(args); err != nil {
			t.Errorf("service %s: command %q: %v", name, args, err)
		}
	}
	for _, st := range []string{"extract", "annotate", "sink"} {
		if !stages[st] {
			t.Errorf("no service runs the %s stage", st)
		}
	}
	if sink, ok := project.Services["sink"]; ok && !strings.HasPrefix(flagValue(sink.Command, "--sink"), "postgres://") {
		t.Errorf("sink: --sink %q, want the postgres service", flagValue(sink.Command, "--sink"))
	}
}

// flagValue returns the value after flag in args ("--flag value" or
// "--flag=value"), or "".
func flagValue(args []string, flag string) string {
	for i, a := range args {
		if a == flag && i+1 < len(args) {
			return args[i+1]
		}
		if v, ok := strings.CutPrefix(a, flag+"="); ok {
			return v
		}
	}
	return ""
}

func hasVolume(svc types.ServiceConfig, target string) bool { return volumeAt(svc, target) != "" }

// volumeAt names the named volume mounted at target, or "".
func volumeAt(svc types.ServiceConfig, target string) string {
	for _, v := range svc.Volumes {
		if v.Type == types.VolumeTypeVolume && v.Target == target {
			return v.Source
		}
	}
	return ""
}

func hasKey[V any](m map[string]V, k string) bool {
	_, ok := m[k]
	return ok
}

// checkHealth asserts that a service has a health check that runs a test.
func checkHealth(t *testing.T, name string, svc types.ServiceConfig) {
	t.Helper()
	hc := svc.HealthCheck
	if hc == nil || hc.Disable || len(hc.Test) < 2 || hc.Test[0] == "NONE" {
		t.Errorf("%s: no health check", name)
	}
}
