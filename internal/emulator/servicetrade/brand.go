package servicetrade

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// brand is a brand of a company (/company/{companyId}/brand/{brandId}). The
// API cannot delete brands (405).
type brand struct {
	ID, CompanyID     int64
	Name, DisplayName string
	WebSite, Details  *string
	// LogoID is always 0: the emulator has no attachments (see applyBrand).
	LogoID int64
}

// SeedBrand is the brand every emulated account starts with, on the first
// seeded customer company, so that imports and the data sources see a brand
// Terraform did not create.
const SeedBrand = "Hwy 55 Burgers Shakes & Fries"

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		s.brands = map[int64]*brand{}
		mux.HandleFunc("/company/{id}/brand", s.protected(s.brandCollection))
		mux.HandleFunc("/company/{id}/brand/{brandId}", s.protected(s.brandItem))
	})
	builtinSeeds = append(builtinSeeds, (*Server).seedBrands)
}

func (s *Server) seedBrands() {
	if c := s.companyByName(SeedCustomerCompanies[0]); c != nil {
		site := "https://www.hwy55.example.com"
		b := &brand{ID: s.newID(), CompanyID: c.ID, Name: SeedBrand, DisplayName: SeedBrand, WebSite: &site}
		s.brands[b.ID] = b
	}
}

// RemoveBrand deletes a brand behind the API's back, as only ServiceTrade
// support could (the API answers DELETE with 405). It is a test hook for
// "deleted out of band"; it reports whether the brand existed.
func (s *Server) RemoveBrand(id int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.brands[id]
	delete(s.brands, id)
	return ok
}

// brandJSON renders a brand. The reference's examples give a uri whose id
// differs from the brand's (a doc typo); the emulator renders the right one.
// logo is always null (no attachments). Called with s.mu held.
func (s *Server) brandJSON(r *http.Request, b *brand) map[string]any {
	return map[string]any{
		"id": b.ID, "uri": s.uri(r, "company", b.CompanyID) + "/brand/" + strconv.FormatInt(b.ID, 10),
		"name": b.Name, "displayName": b.DisplayName, "company": s.companyRef(r, s.companies[b.CompanyID]),
		"logo": nil, "webSite": b.WebSite, "details": b.Details,
	}
}

func (s *Server) brandCollection(w http.ResponseWriter, r *http.Request) {
	cid, ok := pathID(w, r, "brand or company")
	if !ok {
		return
	}
	// GET and POST need the company (404 "brand or company not found");
	// DELETE is the documented 405, PUT an undocumented one.
	serveObject(s, w, r, byID(s.companies, "brand or company", cid), objectVerbs[company]{
		get: func(c *company) {
			// name: substring, case-insensitive.
			name := strings.ToLower(r.URL.Query().Get("name"))
			writeList(s, w, r, "brands", s.brands, func(b *brand) bool {
				return b.CompanyID == c.ID && strings.Contains(strings.ToLower(b.Name), name)
			}, s.brandJSON)
		},
		post: func(c *company, fields map[string]json.RawMessage) {
			b := &brand{CompanyID: c.ID}
			if v := applyBrand(b, fields, true); v != nil {
				writeValidation(w, v)
				return
			}
			b.ID = s.newID()
			s.brands[b.ID] = b
			writeData(w, s.brandJSON(r, b))
		},
	})
}

func (s *Server) brandItem(w http.ResponseWriter, r *http.Request) {
	cid, ok := pathID(w, r, "brand or company")
	if !ok {
		return
	}
	bid, err := strconv.ParseInt(r.PathValue("brandId"), 10, 64)
	if err != nil {
		writeError(w, http.StatusNotFound, "brand or company not found")
		return
	}
	find := func() (*brand, string) {
		if b := s.brands[bid]; s.companies[cid] != nil && b != nil && b.CompanyID == cid {
			return b, ""
		}
		return nil, fmt.Sprintf("brand %d or company %d not found", bid, cid)
	}
	// No delete: DELETE is 405, whether or not the brand exists.
	serveObject(s, w, r, find, objectVerbs[brand]{
		get: func(b *brand) { writeData(w, s.brandJSON(r, b)) },
		put: func(b *brand, fields map[string]json.RawMessage) {
			updated := *b
			if v := applyBrand(&updated, fields, false); v != nil {
				writeValidation(w, v)
				return
			}
			*b = updated
			writeData(w, s.brandJSON(r, b))
		},
	})
}

// applyBrand copies the POST/PUT parameters onto b and returns the
// validation errors.
//
//   - name is required on POST and on PUT (the parameter table is shared
//     and says "yes"): a PUT without it is a 400. Names are not kept unique
//     (the reference says nothing): a second brand of a name is accepted.
//   - displayName: absent, null or blank on POST, it is the name (as the
//     create example shows); absent on PUT, it stays (it does not follow a
//     new name); null or blank on PUT is a 400.
//   - logoId must be an Attachment with purpose 12 (Logo); the emulator has
//     no attachments, so any id is a 400 "does not exist", and null clears.
//   - webSite and details: null clears; blank is stored as "" (returned so).
func applyBrand(b *brand, f map[string]json.RawMessage, create bool) map[string][]string {
	v := map[string][]string{}
	requiredString(f, v, "name", true, &b.Name)
	raw, sent := f["displayName"]
	var display *string
	if sent {
		if err := json.Unmarshal(raw, &display); err != nil {
			v["displayName"] = append(v["displayName"], "displayName must be a string")
		}
	}
	switch {
	case display != nil && strings.TrimSpace(*display) != "":
		b.DisplayName = *display
	case create:
		b.DisplayName = b.Name
	case sent:
		v["displayName"] = append(v["displayName"], "displayName may not be blank")
	}
	nullableRef(f, v, "logoId", &b.LogoID, func(int64) bool { return false })
	nullableString(f, v, "webSite", &b.WebSite)
	nullableString(f, v, "details", &b.Details)
	return problems(v)
}
