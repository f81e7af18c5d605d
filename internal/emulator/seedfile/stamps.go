package seedfile

import "time"

// Stamps reads an entry's optional created_at and updated_at (RFC 3339,
// as Kimoby and Kickserv answer them) in loc, to the second: neither given
// is loaded (the load's time), one given stands for both, and updated may
// not be earlier than created. example is a timestamp as the vendor writes
// them, for the error message. ok is false when an error was added.
func Stamps(createdAt, updatedAt, example string, loc *time.Location, loaded time.Time, path, name string, errs *Errors) (created, updated time.Time, ok bool) {
	created, okC := stamp(createdAt, "created_at", example, loc, path, name, errs)
	updated, okU := stamp(updatedAt, "updated_at", example, loc, path, name, errs)
	if !okC || !okU {
		return time.Time{}, time.Time{}, false
	}
	switch {
	case created.IsZero() && updated.IsZero():
		created, updated = loaded, loaded
	case created.IsZero():
		created = updated
	case updated.IsZero():
		updated = created
	}
	if updated.Before(created) {
		errs.Add(path, name, "updated_at %s is before created_at %s", updated.Format(offsetLayout), created.Format(offsetLayout))
		return time.Time{}, time.Time{}, false
	}
	return created, updated, true
}

// offsetLayout writes a time with its numeric offset (+00:00 in UTC, not
// Z), as both vendors do.
const offsetLayout = "2006-01-02T15:04:05-07:00"

// stamp parses one optional timestamp; "" is the zero time.
func stamp(v, field, example string, loc *time.Location, path, name string, errs *Errors) (time.Time, bool) {
	if v == "" {
		return time.Time{}, true
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		errs.Add(path, name, "%s %q is not a timestamp like %q (RFC 3339)", field, v, example)
		return time.Time{}, false
	}
	return t.In(loc).Truncate(time.Second), true
}
