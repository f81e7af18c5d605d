package english

import "testing"

func TestA(t *testing.T) {
	for noun, want := range map[string]string{
		"region":          "a region",
		"external system": "an external system",
		"user":            "a user",
		"user value":      "a user value",
		"unit":            "a unit",
		"umbrella":        "an umbrella",
		"update":          "an update",
		"employee":        "an employee",
		"":                "a ",
	} {
		if got := A(noun); got != want {
			t.Errorf("A(%q) = %q, want %q", noun, got, want)
		}
	}
}
