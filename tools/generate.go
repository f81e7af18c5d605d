//go:build generate

// Package tools runs the documentation generators: `make docs` puts the
// pinned terraform and tfplugindocs on PATH and runs go generate here.
package tools

// Format the examples, which tfplugindocs copies into the docs.
//go:generate terraform fmt -recursive ../examples/

// Generate docs/ from the provider schema, templates/ and examples/. The
// schema comes from the provider itself (schemajson), not from the
// Terraform CLI, whose pinned 1.8.5 predates the identity schemas and list
// resources that the docs show.
//go:generate go run ./schemajson providers-schema.json
//go:generate tfplugindocs generate --provider-dir .. --provider-name fieldservice --providers-schema providers-schema.json
