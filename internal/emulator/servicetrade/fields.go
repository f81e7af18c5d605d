package servicetrade

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Readers of the POST/PUT parameters several resources share. Each takes
// the decoded body, records what is wrong in v under the parameter's name,
// and changes dst only when the value is good. Only what is sent changes
// (PUT is a partial update).

// problems is what an apply function returns: the validation messages, or
// nil when there are none.
func problems(v map[string][]string) map[string][]string {
	if len(v) > 0 {
		return v
	}
	return nil
}

// isNull reports whether a parameter was sent as JSON null.
func isNull(raw json.RawMessage) bool { return string(bytes.TrimSpace(raw)) == "null" }

// requiredString reads a string that may not be blank: a create must send
// it, an update may leave it out. It reports whether dst was set.
func requiredString(f map[string]json.RawMessage, v map[string][]string, key string, create bool, dst *string) bool {
	raw, sent := f[key]
	if !sent && !create {
		return false
	}
	var val string
	if err := json.Unmarshal(raw, &val); err != nil || strings.TrimSpace(val) == "" {
		v[key] = append(v[key], key+" is required")
		return false
	}
	*dst = val
	return true
}

// oneOf reads a string that must be one of allowed (problem says so when
// it is not): a create must send it when create is true, an update may
// leave it out.
func oneOf(f map[string]json.RawMessage, v map[string][]string, key string, create bool, allowed []string, problem string, dst *string) {
	raw, sent := f[key]
	if !sent && !create {
		return
	}
	var val string
	if err := json.Unmarshal(raw, &val); err != nil || !slices.Contains(allowed, val) {
		v[key] = append(v[key], problem)
		return
	}
	*dst = val
}

// nullable reads an optional value that null clears; a value of another
// type is "<key> must be <what>".
func nullable[T any](f map[string]json.RawMessage, v map[string][]string, key, what string, dst **T) {
	raw, sent := f[key]
	if !sent {
		return
	}
	var val *T
	if err := json.Unmarshal(raw, &val); err != nil {
		v[key] = append(v[key], key+" must be "+what)
		return
	}
	*dst = val
}

// nullableString reads an optional string that null clears.
func nullableString(f map[string]json.RawMessage, v map[string][]string, key string, dst **string) {
	nullable(f, v, key, "a string", dst)
}

// nullableRef reads the id of an optional reference, as the quote template
// sections word it: null clears it (0), any other id must be one that
// exists. It reports whether the parameter was sent.
func nullableRef(f map[string]json.RawMessage, v map[string][]string, key string, dst *int64, exists func(int64) bool) bool {
	raw, sent := f[key]
	if !sent {
		return false
	}
	var id *int64
	switch err := json.Unmarshal(raw, &id); {
	case err != nil:
		v[key] = append(v[key], key+" must be an integer or null")
	case id == nil:
		*dst = 0
	case !exists(*id):
		v[key] = append(v[key], fmt.Sprintf("%s %d does not exist", key, *id))
	default:
		*dst = *id
	}
	return true
}

// contractRef reads the id of an optional reference, as the contract
// sections word it: null clears it (0), anything else must be the positive
// id of an existing <what>. It reports whether an id was set.
func contractRef(f map[string]json.RawMessage, v map[string][]string, key, what string, dst *int64, exists func(int64) bool) bool {
	raw, sent := f[key]
	if !sent {
		return false
	}
	if isNull(raw) {
		*dst = 0
		return false
	}
	var id int64
	if err := json.Unmarshal(raw, &id); err != nil || id <= 0 {
		v[key] = append(v[key], key+" must be an integer id")
		return false
	}
	if !exists(id) {
		v[key] = append(v[key], fmt.Sprintf("%s %d not found", what, id))
		return false
	}
	*dst = id
	return true
}
