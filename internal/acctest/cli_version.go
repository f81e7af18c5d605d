package acctest

import (
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
)

var versionLine = regexp.MustCompile(`^(Terraform|OpenTofu) v(\d+)\.(\d+)\.`)

// CLIVersion is what the Terraform or OpenTofu CLI at path says it is:
// its name ("Terraform" or "OpenTofu") and its major and minor version.
func CLIVersion(path string) (name string, major, minor int, err error) {
	out, err := exec.Command(path, "version").Output()
	if err != nil {
		return "", 0, 0, fmt.Errorf("%s version: %w", path, err)
	}
	m := versionLine.FindStringSubmatch(string(out))
	if m == nil {
		return "", 0, 0, fmt.Errorf("%s version does not start with Terraform or OpenTofu and a version: %q", path, out)
	}
	major, _ = strconv.Atoi(m[2])
	minor, _ = strconv.Atoi(m[3])
	return m[1], major, minor, nil
}
