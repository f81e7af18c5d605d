package servicetrade

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// taxGroup is a sales tax group (/taxgroup): a combined rate for a list of
// postal codes.
type taxGroup struct {
	ID           int64
	Code, Name   string
	State        string
	CombinedRate float64
	PostalCodes  []string
	Created      int64
	Updated      int64
}

// Documented maximum lengths, in characters.
const (
	taxGroupCodeMax = 40
	taxGroupNameMax = 100
)

// taxRateDecimals is how many decimal places of combinedRate the emulator
// keeps. The reference says "double" and shows at most four places; it does
// not say how the rate is stored. The emulator rounds to six places, as a
// DECIMAL column would, so that a client must compare rates numerically
// rather than expect its own float back (not documented: see CHOICES.md).
const taxRateDecimals = 6

// SeedTaxGroups are the codes of the tax groups every emulated account
// starts with: the reference's list example, with its timestamps, so that
// imports and the plural data source see tax groups Terraform did not make.
var SeedTaxGroups = []string{"LA", "WAKE2021", "NYC2020", "NYC2021"}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		s.taxGroups = map[int64]*taxGroup{}
		mux.HandleFunc("/taxgroup", s.protected(s.taxGroupCollection))
		mux.HandleFunc("/taxgroup/{id}", s.protected(s.taxGroupItem))
	})
	builtinSeeds = append(builtinSeeds, (*Server).seedTaxGroups)
}

func (s *Server) seedTaxGroups() {
	for _, tg := range []*taxGroup{
		{Code: "LA", Name: "Los Angeles", State: "CA", CombinedRate: 0.0975,
			PostalCodes: []string{"90024", "90025", "90034", "90035", "90049", "90056"}, Created: 1619313017, Updated: 1619313017},
		{Code: "WAKE2021", Name: "Wake County", State: "NC", CombinedRate: 0.085,
			PostalCodes: []string{"27513", "27607"}, Created: 1619314698, Updated: 1619314698},
		{Code: "NYC2020", Name: "NYC Rates", State: "NY", CombinedRate: 0.095,
			PostalCodes: []string{"10001", "10002", "10003", "10004", "10005"}, Created: 1619315416, Updated: 1619315416},
		{Code: "NYC2021", Name: "NYC Taxes", State: "NY", CombinedRate: 0.0965,
			PostalCodes: []string{"10001", "10002", "10003", "10004", "10005"}, Created: 1619315416, Updated: 1619315416},
	} {
		tg.ID = s.newID()
		s.taxGroups[tg.ID] = tg
	}
}

func (s *Server) taxGroupJSON(r *http.Request, tg *taxGroup) map[string]any {
	codes := slices.Clone(tg.PostalCodes)
	if codes == nil {
		codes = []string{}
	}
	return map[string]any{
		"uri": s.uri(r, "taxgroup", tg.ID), "id": tg.ID, "code": tg.Code, "name": tg.Name, "state": tg.State,
		"combinedRate": tg.CombinedRate, "postalCodes": codes, "created": tg.Created, "updated": tg.Updated,
	}
}

// taxGroupFilter is the documented list query: code, name and postalCode
// are substrings (matched case-insensitively: not documented, and the least
// convenient, since it returns more than an exact match), state is exact
// (case-sensitive), excludeTaxGroupId leaves one group out.
func taxGroupFilter(r *http.Request) func(*taxGroup) bool {
	q := r.URL.Query()
	contains := func(have, want string) bool {
		return want == "" || strings.Contains(strings.ToLower(have), strings.ToLower(want))
	}
	exclude, _ := strconv.ParseInt(q.Get("excludeTaxGroupId"), 10, 64)
	return func(tg *taxGroup) bool {
		if !contains(tg.Code, q.Get("code")) || !contains(tg.Name, q.Get("name")) {
			return false
		}
		if st := q.Get("state"); st != "" && tg.State != st {
			return false
		}
		if pc := q.Get("postalCode"); pc != "" && !slices.ContainsFunc(tg.PostalCodes, func(c string) bool { return contains(c, pc) }) {
			return false
		}
		return exclude == 0 || tg.ID != exclude
	}
}

func (s *Server) taxGroupCollection(w http.ResponseWriter, r *http.Request) {
	// PUT and DELETE on /taxgroup: the documented 405.
	s.serveCollection(w, r, collectionVerbs{
		list: func() { writeList(s, w, r, "taxGroups", s.taxGroups, taxGroupFilter(r), s.taxGroupJSON) },
		create: func(fields map[string]json.RawMessage) {
			tg := &taxGroup{PostalCodes: []string{}}
			// Not documented: codes are not kept unique. The reference
			// never says they are (the list's excludeTaxGroupId suggests
			// that the web UI checks them itself), and a server that takes
			// a second group with a code is the least convenient.
			if v := applyTaxGroup(tg, fields, true); v != nil {
				writeInvalid(w, "invalid parameters", v)
				return
			}
			tg.ID, tg.Created, tg.Updated = s.newRecord()
			s.taxGroups[tg.ID] = tg
			writeData(w, s.taxGroupJSON(r, tg))
		},
	})
}

func (s *Server) taxGroupItem(w http.ResponseWriter, r *http.Request) {
	serveByID(s, w, r, "tax group", s.taxGroups, objectVerbs[taxGroup]{
		get: func(tg *taxGroup) { writeData(w, s.taxGroupJSON(r, tg)) },
		put: func(tg *taxGroup, fields map[string]json.RawMessage) {
			// Every parameter is a PUT parameter; what is not sent is kept
			// (partial update), and postalCodes, when sent, replaces the
			// whole list ("existing values will be overwritten on PUT").
			// The reference's PUT example echoes a code and a state that
			// were not sent: a documentation error, not reproduced (the
			// echo is the group as stored).
			updated := *tg
			if v := applyTaxGroup(&updated, fields, false); v != nil {
				writeInvalid(w, "invalid parameters", v)
				return
			}
			// updated moves forward on every PUT, even within a second.
			updated.Updated = max(time.Now().Unix(), tg.Updated+1)
			*tg = updated
			writeData(w, s.taxGroupJSON(r, tg))
		},
		delete: func(tg *taxGroup) {
			delete(s.taxGroups, tg.ID)
			// Documented: 204 "tax group deleted", which carries no body.
			w.WriteHeader(http.StatusNoContent)
		},
	})
}

// applyTaxGroup copies the parameters that are present onto tg and returns
// the validation messages, or nil. On create, code, name, combinedRate and
// state are required ("on POST").
func applyTaxGroup(tg *taxGroup, f map[string]json.RawMessage, create bool) map[string][]string {
	v := map[string][]string{}
	for _, p := range []struct {
		key string
		max int
		dst *string
	}{{"code", taxGroupCodeMax, &tg.Code}, {"name", taxGroupNameMax, &tg.Name}, {"state", 0, &tg.State}} {
		var val string
		if !requiredString(f, v, p.key, create, &val) {
			continue
		}
		if p.max > 0 && utf8.RuneCountInString(val) > p.max {
			v[p.key] = append(v[p.key], fmt.Sprintf("%s must be at most %d characters", p.key, p.max))
			continue
		}
		// Not documented: state is kept as sent (the reference calls it a
		// "State abbreviation" but its own PUT example shows "NYC"), any
		// non-blank text.
		*p.dst = val
	}
	if raw, sent := f["combinedRate"]; sent || create {
		// Not documented: any JSON number is taken (no range check; 8.5
		// would be stored as 850 %), rounded to taxRateDecimals places; a
		// string, null or a missing rate on POST is refused.
		var rate *float64
		if err := json.Unmarshal(raw, &rate); err != nil || rate == nil || math.IsNaN(*rate) || math.IsInf(*rate, 0) {
			v["combinedRate"] = append(v["combinedRate"], "combinedRate must be a number")
		} else {
			scale := math.Pow10(taxRateDecimals)
			tg.CombinedRate = math.Round(*rate*scale) / scale
		}
	}
	if raw, sent := f["postalCodes"]; sent {
		// Not documented: null clears the list, like []; the codes are kept
		// in the order sent, duplicates and all, and are not checked
		// (any string, even an empty one).
		var codes []string
		if err := json.Unmarshal(raw, &codes); err != nil {
			v["postalCodes"] = append(v["postalCodes"], "postalCodes must be an array of strings")
		} else {
			if codes == nil {
				codes = []string{}
			}
			tg.PostalCodes = codes
		}
	}
	return problems(v)
}
