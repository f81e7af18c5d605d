package api

import (
	"strconv"
	"strings"
)

// query is the query string of a list request, built from a filter. Every
// setter leaves out the zero value, which ServiceTrade reads as "no such
// filter", and returns q, so that a filter reads as one chain:
//
//	query{}.text("name", f.Name).ids("officeIds", f.OfficeIDs)
type query map[string][]string

// text sets key to v unless v is empty.
func (q query) text(key, v string) query {
	if v != "" {
		q[key] = []string{v}
	}
	return q
}

// id sets key to v unless v is 0.
func (q query) id(key string, v int64) query {
	if v != 0 {
		q.text(key, strconv.FormatInt(v, 10))
	}
	return q
}

// ids sets key to the comma-delimited ids unless there are none.
func (q query) ids(key string, ids []int64) query { return q.text(key, JoinIDs(ids)) }

// list sets key to the comma-delimited values unless there are none.
func (q query) list(key string, vs []string) query {
	if len(vs) > 0 {
		q[key] = []string{strings.Join(vs, ",")}
	}
	return q
}

// flag sets key to "true" when on; false is the server's default.
func (q query) flag(key string, on bool) query {
	if on {
		q.text(key, "true")
	}
	return q
}

// boolean sets key to "true" or "false" unless b is nil (the server's
// default).
func (q query) boolean(key string, b *bool) query {
	if b != nil {
		q.text(key, strconv.FormatBool(*b))
	}
	return q
}

// JoinIDs renders ids as the comma-delimited string ServiceTrade filters take.
func JoinIDs(ids []int64) string {
	b := make([]byte, 0, len(ids)*4)
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(b)
}
