package servicetrade

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// A seed file's servicetrade section is an object whose members are kinds
// (SEED-servicetrade.md). Each member registers itself here, from its
// seed_<kind>.go file, with how it loads and how it dumps, so that a new
// kind adds one registration and touches no shared switch.

// seedKind is one member of the section.
type seedKind struct {
	// name is the member's name in the section ("companies").
	name string
	// after names the members whose objects this one refers to: they load
	// first. The load order (and the dump's member order) follows.
	after []string
	// ids says whether the member is a list of entries holding ids of the
	// server's one id space: they are read before any kind loads, so that
	// entries without an id get ids after every id in use.
	ids bool
	// load reads the member into the server, reporting what is wrong to
	// l. raw is nil when the section leaves the member out (an empty list
	// for a kind); load is called all the same.
	load func(l *seedLoader, raw json.RawMessage)
	// dump returns the member as load reads it: every entry with its id,
	// sorted by id, stored fields only. Called with s.mu held.
	dump func(s *Server) any
}

// seedKinds is every registered member, in registration order.
var seedKinds []seedKind

func registerSeedKind(k seedKind) { seedKinds = append(seedKinds, k) }

// seedOrder returns the members in load order: each after the members it
// names in after, ties broken by name, so that the order (and the dump) is
// the same on every run. A dependency on an unknown member or a cycle is
// a programming error.
func seedOrder() []seedKind {
	byName := map[string]seedKind{}
	for _, k := range seedKinds {
		byName[k.name] = k
	}
	var out []seedKind
	done := map[string]bool{}
	for len(out) < len(seedKinds) {
		var ready []string
		for _, k := range seedKinds {
			if done[k.name] {
				continue
			}
			ok := true
			for _, dep := range k.after {
				if _, known := byName[dep]; !known {
					panic(fmt.Sprintf("servicetrade seed kind %s loads after the unknown kind %s", k.name, dep))
				}
				ok = ok && done[dep]
			}
			if ok {
				ready = append(ready, k.name)
			}
		}
		if len(ready) == 0 {
			panic("servicetrade seed kinds refer to each other in a cycle")
		}
		slices.Sort(ready)
		done[ready[0]] = true
		out = append(out, byName[ready[0]])
	}
	return out
}

// seedSection is the path of the section in error messages.
const seedSection = "servicetrade"

// NewSeeded returns an emulator seeded from a seed file's servicetrade
// section, or, when section is nil, with the built-in seed (as New). A
// section replaces the built-in seed entirely: the server holds exactly
// what it says, plus the account company and the login user when it names
// none (seed_companies.go, seed_users.go). The error lists everything
// wrong with the section (seedfile.Errors), each entry by its path.
func NewSeeded(opts Options, section json.RawMessage) (*Server, error) {
	if section == nil {
		return New(opts), nil
	}
	s := newServer(opts)
	l := &seedLoader{s: s, owners: map[int64]string{}}
	members := l.members(section)
	if members != nil {
		l.reserveIDs(members)
		for _, k := range seedOrder() {
			k.load(l, members[k.name])
		}
	}
	if err := l.errs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// members splits the section into its members, reporting one that is not
// a kind. nil when the section is not an object.
func (l *seedLoader) members(section json.RawMessage) map[string]json.RawMessage {
	var members map[string]json.RawMessage
	if t := bytes.TrimSpace(section); len(t) == 0 || t[0] != '{' || json.Unmarshal(t, &members) != nil {
		l.errs.Add(seedSection, "", "is not an object: the section's members are kinds (companies, users, ...), each a list of entries")
		return nil
	}
	var known []string
	for _, k := range seedKinds {
		known = append(known, k.name)
	}
	slices.Sort(known)
	var names []string
	for name := range members {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if !slices.Contains(known, name) {
			l.errs.Add(seedSection+"."+name, "", "is not a kind of ServiceTrade seed; the kinds are %s", strings.Join(known, ", "))
		}
	}
	return members
}

// reserveIDs reads the ids the entries give, before any kind loads, and
// moves the id counter past the largest (never below firstID): an entry
// without an id then gets one that no entry of any kind has.
func (l *seedLoader) reserveIDs(members map[string]json.RawMessage) {
	for _, k := range seedKinds {
		if !k.ids {
			continue
		}
		var entries []struct {
			ID json.RawMessage `json:"id"`
		}
		if json.Unmarshal(members[k.name], &entries) != nil {
			continue // load reports it
		}
		for _, e := range entries {
			var id int64
			if json.Unmarshal(e.ID, &id) == nil {
				l.s.nextID = max(l.s.nextID, id)
			}
		}
	}
}

// Dump returns the server's state as a seed file's servicetrade section:
// every member, in load order, entries sorted by id, only what the server
// stores (never uri or names derived from other fields), so that
// NewSeeded(Dump()) dumps the same bytes.
func (s *Server) Dump() (json.RawMessage, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range seedOrder() {
		v, err := json.Marshal(k.dump(s))
		if err != nil {
			return nil, fmt.Errorf("dumping servicetrade.%s: %w", k.name, err)
		}
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%q:", k.name)
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
