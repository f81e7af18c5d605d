//go:build generate

// Package tools runs the documentation generators: `make docs` puts the
// pinned terraform and tfplugindocs on PATH and runs go generate here.
package tools

// Format the examples, which tfplugindocs copies into the docs.
//go:generate terraform fmt -recursive ../examples/

// Generate docs/ from the provider schema, templates/ and examples/.
//go:generate tfplugindocs generate --provider-dir .. --provider-name fieldservice
