package servicetrade

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/seedfile"
)

// What every kind's load shares: splitting a member into its entries,
// giving each entry its id, and the checks whose wording should be the
// same for every kind (required fields, enums, references).

// seedLoader is the state of one NewSeeded load.
type seedLoader struct {
	s    *Server
	errs seedfile.Errors
	// owners names the entry holding each id, for the duplicate message.
	owners map[int64]string
	// accountCompanyID is the section's account_company_id (0: not given).
	accountCompanyID int64
}

// seedEntry is one entry of a kind, as error messages name it.
type seedEntry struct {
	l          *seedLoader
	path, name string
}

// fail reports what is wrong with the entry.
func (e seedEntry) fail(format string, args ...any) { e.l.errs.Add(e.path, e.name, format, args...) }

func (e seedEntry) String() string {
	if e.name == "" {
		return e.path
	}
	return fmt.Sprintf("%s (%q)", e.path, e.name)
}

// id returns the entry's id: the one it gives, kept exactly, or, when it
// gives none (0), the next free one. ok is false when the id cannot be
// used (not positive, or another entry's); the entry is then left out.
func (e seedEntry) id(id int64) (int64, bool) {
	switch {
	case id == 0:
		id = e.l.s.newID()
	case id < 0:
		e.fail("id %d is not a positive integer", id)
		return 0, false
	}
	if other, taken := e.l.owners[id]; taken {
		e.fail("id %d is already the id of %s: ids are unique across every kind of the section", id, other)
		return 0, false
	}
	e.l.owners[id] = e.String()
	// An id the pre-scan could not see (account_company_id) moves the
	// counter too.
	e.l.s.nextID = max(e.l.s.nextID, id)
	return id, true
}

// seedItem is an entry decoded into its kind's seed form.
type seedItem[T any] struct {
	seedEntry
	v T
}

// seedEntries decodes the member kind, a list, entry by entry into T
// (strictly: seedfile.Decode), naming each entry by the first of nameKeys
// it has. Entries that do not decode are reported and left out.
func seedEntries[T any](l *seedLoader, kind string, raw json.RawMessage, nameKeys ...string) []seedItem[T] {
	if raw == nil {
		return nil
	}
	path := seedSection + "." + kind
	list, ok := seedfile.Decode[[]json.RawMessage](raw, path, &l.errs)
	if !ok {
		return nil
	}
	var out []seedItem[T]
	for i, rawEntry := range list {
		e := seedEntry{l: l, path: seedfile.Path(path, i), name: seedfile.Name(rawEntry, nameKeys...)}
		if v, ok := seedfile.DecodeNamed[T](rawEntry, e.path, e.name, &l.errs); ok {
			out = append(out, seedItem[T]{e, v})
		}
	}
	return out
}

// required reports a blank string field.
func (e seedEntry) required(field, value string) bool {
	if strings.TrimSpace(value) == "" {
		e.fail("%s is required", field)
		return false
	}
	return true
}

// oneOf reports a value outside its documented enum; "" stands for def.
func (e seedEntry) oneOf(field, value, def string, allowed []string) string {
	if value == "" {
		return def
	}
	if !slices.Contains(allowed, value) {
		e.fail("%s %q is not one of %s", field, value, strings.Join(allowed, ", "))
	}
	return value
}

// ref checks a reference to objects of kind (0: none). what names one such
// object ("a company").
func ref[T any](e seedEntry, field string, id int64, objects map[int64]*T, what, kind string) bool {
	if id == 0 || objects[id] != nil {
		return true
	}
	e.fail("%s %d is not %s of this seed (%s)", field, id, what, seedIDs(kind, sortedKeys(objects)))
	return false
}

// requiredRef is ref for a reference the entry must give.
func requiredRef[T any](e seedEntry, field string, id int64, objects map[int64]*T, what, kind string) bool {
	if id == 0 {
		e.fail("%s is required: the id of %s (%s)", field, what, seedIDs(kind, sortedKeys(objects)))
		return false
	}
	return ref(e, field, id, objects, what, kind)
}

// refList checks a list of references: each must pass check (which
// reports what is wrong with one id), and none may be given twice.
func (e seedEntry) refList(field string, ids []int64, check func(field string, id int64) bool) {
	for i, id := range ids {
		f := fmt.Sprintf("%s[%d]", field, i)
		if slices.Contains(ids[:i], id) {
			e.fail("%s %d is given twice", f, id)
			continue
		}
		check(f, id)
	}
}

// seedIDs says which ids kind has, for a reference that names none of
// them.
func seedIDs(kind string, ids []int64) string {
	if len(ids) == 0 {
		return seedSection + "." + kind + " has no entries"
	}
	return seedSection + "." + kind + " has ids " + seedfile.FormatIDs(ids)
}

// stamps returns an entry's created and updated times: seedTime when it
// gives none, updated defaulting to created. updated may not be earlier.
func (e seedEntry) stamps(created, updated *int64) (int64, int64) {
	c := seedTime
	if created != nil {
		c = *created
	}
	u := c
	if updated != nil {
		u = *updated
	}
	if u < c {
		e.fail("updated %d is earlier than created %d", u, c)
	}
	return c, u
}

// orEmpty returns a list that marshals as [] when empty, for the members
// a dump always writes.
func orEmpty[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}

// dumpSorted renders objects in id order with render.
func dumpSorted[T, S any](objects map[int64]*T, render func(*T) S) []S {
	out := []S{}
	for _, id := range sortedKeys(objects) {
		out = append(out, render(objects[id]))
	}
	return out
}

// ptr returns a pointer to a copy of v, for the optional members a dump
// writes.
func ptr[T any](v T) *T { return &v }

// seedStamp is the created and updated members of the kinds that store
// them.
type seedStamp struct {
	Created *int64 `json:"created"`
	Updated *int64 `json:"updated"`
}

// seedURI is the uri member every GET shows: derived from the id, it is
// accepted in a seed (so that a GET's answer can be pasted) and ignored,
// and never dumped.
type seedURI struct {
	URI json.RawMessage `json:"uri,omitempty"`
}
