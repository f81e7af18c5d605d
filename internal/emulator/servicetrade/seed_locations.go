package servicetrade

import (
	"encoding/json"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/seedfile"
)

// Locations: the offices are the locations of the account company (no
// flag says so: it follows from companyId); the others are customer
// locations, served by offices (officeIds).

// locationStatuses are the documented location statuses.
var locationStatuses = []string{"active", "pending", "inactive", "on_hold"}

// seedLocation is a location entry.
type seedLocation struct {
	ID             int64        `json:"id"`
	Name           string       `json:"name"`
	CompanyID      int64        `json:"companyId"`
	Status         string       `json:"status"`
	Lat            float64      `json:"lat"`
	Lon            float64      `json:"lon"`
	PhoneNumber    string       `json:"phoneNumber,omitempty"`
	Email          string       `json:"email,omitempty"`
	Address        *seedAddress `json:"address,omitempty"`
	PrimaryContact *seedContact `json:"primaryContact,omitempty"`
	Taxable        bool         `json:"taxable,omitempty"`
	OfficeIDs      []int64      `json:"officeIds,omitempty"`
	seedURI
}

// seedContact is a location's primary contact: the emulator stores its
// name only (the rest of GET's primaryContact comes from the location).
type seedContact struct {
	FirstName string `json:"firstName,omitempty"`
	LastName  string `json:"lastName,omitempty"`
}

func init() {
	registerSeedKind(seedKind{
		name: "locations", after: []string{"companies"}, ids: true,
		load: loadLocations,
		dump: func(s *Server) any {
			return dumpSorted(s.locations, func(l *location) seedLocation {
				out := seedLocation{ID: l.ID, Name: l.Name, CompanyID: l.CompanyID, Status: l.Status, Lat: l.Lat, Lon: l.Lon,
					PhoneNumber: l.Phone, Email: l.Email, Taxable: l.Taxable, OfficeIDs: l.OfficeIDs,
					Address: dumpAddress(seedAddress{l.Street, l.City, l.State, l.PostalCode})}
				if l.ContactName != [2]string{} {
					out.PrimaryContact = &seedContact{l.ContactName[0], l.ContactName[1]}
				}
				return out
			})
		},
	})
}

func loadLocations(l *seedLoader, raw json.RawMessage) {
	s := l.s
	items := seedEntries[seedLocation](l, "locations", raw, "name")
	var stored []seedItem[seedLocation]
	for _, it := range items {
		v := it.v
		it.required("name", v.Name)
		requiredRef(it.seedEntry, "companyId", v.CompanyID, s.companies, "a company", "companies")
		id, ok := it.id(v.ID)
		if !ok {
			continue
		}
		a := v.Address.fields()
		loc := &location{ID: id, Name: v.Name, Lat: v.Lat, Lon: v.Lon, Phone: v.PhoneNumber, Email: v.Email,
			Street: a.Street, City: a.City, State: a.State, PostalCode: a.PostalCode,
			IsVendor: v.CompanyID == s.accountCompanyID, CompanyID: v.CompanyID,
			Status: it.oneOf("status", v.Status, "active", locationStatuses), Taxable: v.Taxable, OfficeIDs: v.OfficeIDs}
		if c := v.PrimaryContact; c != nil {
			loc.ContactName = [2]string{c.FirstName, c.LastName}
		}
		s.locations[id] = loc
		stored = append(stored, it)
	}
	// officeIds refer to other entries of the kind: checked once all are in.
	for _, it := range stored {
		if len(it.v.OfficeIDs) > 0 && it.v.CompanyID == s.accountCompanyID {
			it.fail("officeIds: an office (a location of the account company %d) is not served by offices", s.accountCompanyID)
			continue
		}
		it.refList("officeIds", it.v.OfficeIDs, func(field string, id int64) bool { return l.checkOffice(it.seedEntry, field, id) })
	}
}

// checkOffice reports an id (of field) that is not an office.
func (l *seedLoader) checkOffice(e seedEntry, field string, id int64) bool {
	if l.s.isOffice(id) {
		return true
	}
	var offices []int64
	for _, lid := range sortedKeys(l.s.locations) {
		if l.s.locations[lid].IsVendor {
			offices = append(offices, lid)
		}
	}
	e.fail("%s %d is not an office of this seed (the offices are the locations of the account company %d: %s)",
		field, id, l.s.accountCompanyID, seedIDsOrNone(offices))
	return false
}

// seedIDsOrNone lists ids for a message, or says there are none.
func seedIDsOrNone(ids []int64) string {
	if len(ids) == 0 {
		return "none"
	}
	return "ids " + seedfile.FormatIDs(ids)
}
