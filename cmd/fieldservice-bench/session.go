package main

import (
	"os"
	"path/filepath"
	"time"
)

// The Terraform commands of the phases.
var (
	applyArgs   = []string{"apply", "-auto-approve", "-input=false", "-no-color"}
	refreshArgs = []string{"plan", "-detailed-exitcode", "-input=false", "-no-color"}
	destroyArgs = []string{"destroy", "-auto-approve", "-input=false", "-no-color"}
)

// session is one run of a kind at one N: a fresh emulator behind a meter, a
// Terraform working directory wired to the provider, and the configuration
// of n objects of k.
type session struct {
	k    kind
	n    int
	root string
	srv  *served
	ws   *workspace
}

func openSession(o options, k kind, n int) (*session, error) {
	root, err := os.MkdirTemp("", "fieldservice-bench-")
	if err != nil {
		return nil, err
	}
	s := &session{k: k, n: n, root: root}
	if s.srv, err = serve(); err != nil {
		s.close()
		return nil, err
	}
	if s.ws, err = newWorkspace(o, root, emulatorEnv(s.srv.url)); err != nil {
		s.close()
		return nil, err
	}
	refs, err := resolveRefs(k, s.srv.url)
	if err != nil {
		s.close()
		return nil, err
	}
	cfg, err := k.config(n, refs)
	if err != nil {
		s.close()
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(s.ws.dir, "main.tf"), []byte(cfg), 0o600); err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

func (s *session) close() {
	if s.srv != nil {
		s.srv.close()
	}
	_ = os.RemoveAll(s.root)
}

// measure runs one Terraform command at the given latency (memLimit, when
// set, is the provider's GOMEMLIMIT) and logs its measurements.
func (s *session) measure(phase string, latency time.Duration, memLimit string, args ...string) phaseResult {
	s.srv.meter.setLatency(latency)
	var extraEnv []string
	if memLimit != "" {
		extraEnv = []string{envExtra + "=GOMEMLIMIT=" + memLimit}
	}
	p := measurePhase(s.srv, s.ws, s.k, s.n, phase, latency, extraEnv, args...)
	p.GoMemLimit = memLimit
	logPhase(p)
	return p
}

// cleanUp destroys what a failed apply made, unmeasured and without delay.
func (s *session) cleanUp() {
	s.srv.meter.setLatency(0)
	_, _, _, _ = s.ws.terraformRun(nil, destroyArgs...)
}
