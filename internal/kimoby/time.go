package kimoby

import "time"

// normalizeTime renders an API date as RFC 3339 in UTC. The API promises UTC
// ("+00:00") but its examples also carry other offsets; normalising keeps the
// value stable whichever form a response uses. A value that does not parse
// is kept as is.
func normalizeTime(raw string) string {
	t, err := time.Parse(time.RFC3339, raw)
	if err != nil {
		return raw
	}
	return t.UTC().Format(time.RFC3339)
}
