// Package e2e holds end-to-end tests that run the real provider binary under
// the real Terraform CLI (through a dev_overrides CLI configuration), the way
// users run it, against the emulator.
package e2e
