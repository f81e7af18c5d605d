package seedfile

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// MaxErrors is how many errors Errors keeps; the ones after are counted.
const MaxErrors = 20

// Errors collects a seed's errors, each naming its entry, so that a load
// reports every problem (up to MaxErrors) and not only the first.
// The zero value is ready to use.
type Errors struct {
	list []string
	more int
}

// Add records an error about the entry at path (e.g. "kimoby.webhooks[2]"),
// whose name, when it has one, is name (a webhook's URL, a user's name:
// what the person who wrote the file knows it by; "" for none). The message
// says what is wrong and, where it is not obvious, what to do:
//
//	errs.Add("servicetrade.locations[2]", "Acme Tower", "companyId %d is not a company of this seed (%s)", id, ...)
//
// gives `servicetrade.locations[2] ("Acme Tower"): companyId 42 is not ...`.
func (e *Errors) Add(path, name, format string, args ...any) {
	if len(e.list) >= MaxErrors {
		e.more++
		return
	}
	var b strings.Builder
	b.WriteString(path)
	if name != "" {
		fmt.Fprintf(&b, " (%q)", name)
	}
	if path != "" || name != "" {
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, format, args...)
	e.list = append(e.list, b.String())
}

// Len is how many errors were added (kept or only counted).
func (e *Errors) Len() int { return len(e.list) + e.more }

// Err returns nil when nothing was added, else one error whose text is the
// errors one per line, in the order added, with a last line counting the
// ones past MaxErrors.
func (e *Errors) Err() error {
	if e.Len() == 0 {
		return nil
	}
	return &Error{Lines: append([]string(nil), e.list...), More: e.more}
}

// Error is what Errors.Err returns: the errors' lines, and how many more
// there were.
type Error struct {
	Lines []string
	More  int
}

// Join combines the errors of several vendors into one Error of at most
// MaxErrors lines (the rest counted in More).
func Join(errs ...*Error) *Error {
	out := &Error{}
	for _, e := range errs {
		if e == nil {
			continue
		}
		for _, l := range e.Lines {
			if len(out.Lines) < MaxErrors {
				out.Lines = append(out.Lines, l)
			} else {
				out.More++
			}
		}
		out.More += e.More
	}
	return out
}

func (e *Error) Error() string {
	s := strings.Join(e.Lines, "\n")
	if e.More > 0 {
		s += fmt.Sprintf("\n... and %d more errors (the first %d are shown)", e.More, len(e.Lines))
	}
	return s
}

// Path is the path of a kind's entry: Path("kimoby.webhooks", 2) is
// "kimoby.webhooks[2]".
func Path(kind string, i int) string { return fmt.Sprintf("%s[%d]", kind, i) }

// Decode decodes raw strictly into a T and reports what is wrong with it to
// errs, each error naming path (the entry's path, e.g. "kimoby.webhooks[2]")
// and the member inside it: a member T does not have (members are matched
// exactly, case included), a value of the wrong JSON type, a number that is
// not an integer or does not fit. null is accepted anywhere and leaves the
// zero value, as an absent member does. ok is false when anything was
// reported; the T is then partial.
//
// T's fields are matched by their `json` tags, as encoding/json matches
// them (the decode itself is encoding/json's, with DisallowUnknownFields).
// Fields of a type implementing json.Unmarshaler or
// encoding.TextUnmarshaler are left for the decoder to check.
func Decode[T any](raw json.RawMessage, path string, errs *Errors) (T, bool) {
	return DecodeNamed[T](raw, path, "", errs)
}

// DecodeNamed is Decode for an entry known by name (see Errors.Add; Name
// finds it in the entry's text).
func DecodeNamed[T any](raw json.RawMessage, path, name string, errs *Errors) (T, bool) {
	var out T
	before := errs.Len()
	v := generic(raw)
	if len(bytes.TrimSpace(raw)) == 0 || (v == nil && !bytes.Equal(bytes.TrimSpace(raw), []byte("null"))) {
		errs.Add(path, name, "is not valid JSON")
		return out, false
	}
	check(v, reflect.TypeOf(out), "", func(member, format string, args ...any) {
		if member != "" {
			format = member + " " + format
		}
		errs.Add(path, name, format, args...)
	})
	if errs.Len() > before {
		return out, false
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		errs.Add(path, name, "%s", decodeError(err))
		return out, false
	}
	return out, true
}

// Name returns the first of keys that raw, an object, has as a non-empty
// string member: an entry's name for the error messages, found before (or
// whatever) its decoding. "" when none is.
func Name(raw json.RawMessage, keys ...string) string {
	var m map[string]any
	if json.Unmarshal(raw, &m) != nil {
		return ""
	}
	for _, k := range keys {
		if s, ok := m[k].(string); ok && s != "" {
			return s
		}
	}
	return ""
}

// FormatIDs renders ids for a message ("1, 2 and 5"; "none" for no id),
// sorted, the first 10 only.
func FormatIDs(ids []int64) string {
	if len(ids) == 0 {
		return "none"
	}
	s := append([]int64(nil), ids...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	const shown = 10
	parts := make([]string, 0, shown+1)
	for i, id := range s {
		if i == shown {
			parts = append(parts, fmt.Sprintf("... (%d in all)", len(s)))
			break
		}
		parts = append(parts, strconv.FormatInt(id, 10))
	}
	return strings.Join(parts, ", ")
}

// decodeError rewords what encoding/json says, for the errors check did
// not foresee.
func decodeError(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		where := te.Field
		if where == "" {
			where = "the entry"
		}
		return fmt.Sprintf("%s is a JSON %s, expected %s", where, te.Value, want(te.Type))
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

var (
	jsonUnmarshaler = reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()
	textUnmarshaler = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
	rawMessage      = reflect.TypeOf(json.RawMessage(nil))
)

// check walks v (a generic JSON value decoded with UseNumber) against t,
// reporting each problem with the member's path relative to the entry.
func check(v any, t reflect.Type, member string, report func(member, format string, args ...any)) {
	if v == nil || t == nil {
		return // null: the zero value, as for an absent member
	}
	if t == rawMessage || reflect.PointerTo(t).Implements(jsonUnmarshaler) || t.Implements(jsonUnmarshaler) {
		return
	}
	if _, isString := v.(string); isString && (reflect.PointerTo(t).Implements(textUnmarshaler) || t.Implements(textUnmarshaler)) {
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		check(v, t.Elem(), member, report)
	case reflect.Interface:
		return
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			report(member, "is %s, expected an object", describe(v))
			return
		}
		fields := jsonFields(t)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		names := make([]string, 0, len(fields))
		for _, f := range fields {
			names = append(names, f.name)
		}
		for _, k := range keys {
			f, ok := fieldNamed(fields, k)
			if !ok {
				of := ""
				if member != "" {
					of = " of " + member
				}
				report("", "unknown member %q%s; the members%s are %s", joinPath(member, k), suggest(k, names), of, strings.Join(names, ", "))
				continue
			}
			check(m[k], f.typ, joinPath(member, k), report)
		}
	case reflect.Map:
		m, ok := v.(map[string]any)
		if !ok {
			report(member, "is %s, expected an object", describe(v))
			return
		}
		for k, e := range m {
			check(e, t.Elem(), joinPath(member, k), report)
		}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 && t.Kind() == reflect.Slice {
			if _, ok := v.(string); ok {
				return // []byte: base64 text, for the decoder to check
			}
		}
		l, ok := v.([]any)
		if !ok {
			report(member, "is %s, expected a list", describe(v))
			return
		}
		for i, e := range l {
			check(e, t.Elem(), fmt.Sprintf("%s[%d]", member, i), report)
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			report(member, "is %s, expected a string%s", describe(v), quoteHint(v))
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			report(member, "is %s, expected true or false", describe(v))
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := v.(json.Number)
		if !ok {
			report(member, "is %s, expected an integer", describe(v))
			return
		}
		i, err := strconv.ParseInt(n.String(), 10, 64)
		if err != nil || reflect.Zero(t).OverflowInt(i) {
			if _, ferr := strconv.ParseFloat(n.String(), 64); ferr == nil && !isIntegerText(n.String()) {
				report(member, "is the number %s, expected an integer", n)
			} else {
				report(member, "is the number %s, outside the range of %s", n, rangeOf(t))
			}
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := v.(json.Number)
		if !ok {
			report(member, "is %s, expected a non-negative integer", describe(v))
			return
		}
		u, err := strconv.ParseUint(n.String(), 10, 64)
		if err != nil || reflect.Zero(t).OverflowUint(u) {
			report(member, "is the number %s, expected an integer from 0 to %d", n, uint64(1)<<(t.Bits())-1)
		}
	case reflect.Float32, reflect.Float64:
		if _, ok := v.(json.Number); !ok {
			report(member, "is %s, expected a number", describe(v))
		}
	}
}

func isIntegerText(s string) bool {
	s = strings.TrimPrefix(s, "-")
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

func rangeOf(t reflect.Type) string {
	bits := t.Bits()
	if bits == 64 {
		return fmt.Sprintf("%s (%d to %d)", t.Kind(), int64(math.MinInt64), int64(math.MaxInt64))
	}
	return fmt.Sprintf("%s (%d to %d)", t.Kind(), -(int64(1) << (bits - 1)), int64(1)<<(bits-1)-1)
}

// quoteHint suggests quoting a YAML scalar that was read as another type.
func quoteHint(v any) string {
	switch v.(type) {
	case json.Number, bool:
		return " (in YAML, put the value in quotes to make it a string)"
	}
	return ""
}

// describe names a generic JSON value's type, with the value for scalars.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	case string:
		if len(x) > 40 {
			x = x[:37] + "..."
		}
		return fmt.Sprintf("the string %q", x)
	case json.Number:
		return "the number " + x.String()
	case bool:
		return fmt.Sprintf("%t", x)
	}
	return fmt.Sprintf("%v", v)
}

// want names what a Go type takes, in JSON terms.
func want(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Pointer:
		return want(t.Elem())
	}
	return t.String()
}

type jsonField struct {
	name string
	typ  reflect.Type
}

// jsonFields lists the members encoding/json decodes into t: exported
// fields by their tag's name (or their own), "-" left out, embedded
// structs without a tag flattened.
func jsonFields(t reflect.Type) []jsonField {
	var out []jsonField
	seen := map[string]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			if f.Anonymous && name == "" {
				ft := f.Type
				if ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if ft.Kind() == reflect.Struct {
					walk(ft)
					continue
				}
			}
			if !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			if seen[name] {
				continue
			}
			seen[name] = true
			out = append(out, jsonField{name: name, typ: f.Type})
		}
	}
	walk(t)
	return out
}

func fieldNamed(fields []jsonField, name string) (jsonField, bool) {
	for _, f := range fields {
		if f.name == name {
			return f, true
		}
	}
	return jsonField{}, false
}

// suggest returns ` (did you mean "x"?)` when one of known is close to name
// (the same but for case, underscores and dashes, or at most two edits
// away), else "".
func suggest(name string, known []string) string {
	norm := func(s string) string {
		return strings.NewReplacer("_", "", "-", "").Replace(strings.ToLower(s))
	}
	best, bestD := "", 3
	for _, k := range known {
		if norm(k) == norm(name) {
			return fmt.Sprintf(" (did you mean %q?)", k)
		}
		if d := distance(name, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
