package kickserv

import (
	"bytes"
	"crypto/subtle"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

type employee struct {
	ID, Number      int64
	Name            string
	Username        *string
	EmailAddress    *string
	CanLogin        bool
	Active          bool
	IsAccountOwner  bool
	CellPhone       *string
	HomePhone       *string
	Address         *string
	City            *string
	State           *string
	ZipCode         *string
	NotifyViaEmail  bool
	NotifyViaMobile bool
	// Only a salted hash of the password is kept.
	PasswordHash []byte
	PasswordSalt []byte
	// APIToken authenticates API calls; it changes with the password
	// ("Changing your password will also change your API token").
	APIToken      string
	RememberToken *string
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

func (e *employee) setPassword(pw string) {
	e.PasswordSalt = newSalt()
	e.PasswordHash = hashPassword(pw, e.PasswordSalt)
	e.APIToken = newToken()
}

func (e *employee) passwordIs(pw string) bool {
	return e.PasswordHash != nil && subtle.ConstantTimeCompare(e.PasswordHash, hashPassword(pw, e.PasswordSalt)) == 1
}

// fields renders the employee as Rails' to_xml would, attributes in
// alphabetical order. Without ?only= Kickserv also returns the password
// material (encrypted_password, password_salt, remember_token), as the
// unofficial JSON shows; the emulator does the same, so that clients prove
// they never pass it on.
func (e *employee) fields() []xmlField {
	var enc, salt *string
	if e.PasswordHash != nil {
		enc, salt = ptr(b64(e.PasswordHash)), ptr(b64(e.PasswordSalt))
	}
	return []xmlField{
		boolField("active", e.Active),
		strField("address", e.Address),
		boolField("can_login", e.CanLogin),
		strField("cell_phone", e.CellPhone),
		strField("city", e.City),
		timeField("created_at", e.CreatedAt),
		strField("email_address", e.EmailAddress),
		intField("employee_number", e.Number),
		strField("encrypted_password", enc),
		strField("home_phone", e.HomePhone),
		intField("id", e.ID),
		boolField("is_account_owner", e.IsAccountOwner),
		strField("name", &e.Name),
		boolField("notify_via_email", e.NotifyViaEmail),
		boolField("notify_via_mobile", e.NotifyViaMobile),
		strField("password_salt", salt),
		strField("remember_token", e.RememberToken),
		strField("state", e.State),
		timeField("updated_at", e.UpdatedAt),
		strField("username", e.Username),
		strField("zip_code", e.ZipCode),
	}
}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		mux.HandleFunc("/{account}/employees.xml", s.employeeCollection)
		mux.HandleFunc("/{account}/employees/{file}", s.employeeItem)
	})
}

func (s *Server) employeeCollection(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		s.protected(s.listEmployees)(w, r)
	case http.MethodPost:
		s.protected(s.createEmployee)(w, r)
	default:
		methodNotAllowed(w, http.MethodGet, http.MethodPost)
	}
}

// employeeItem serves /employees/<number>.xml. Employees have no DELETE
// route ("Employees can be made inactive but cannot be deleted"): DELETE
// is answered 405 with Allow: GET, PUT, as Rails 2 answers a verb its
// routes do not define for a known path (see methodNotAllowed).
func (s *Server) employeeItem(w http.ResponseWriter, r *http.Request) {
	file := r.PathValue("file")
	if !strings.HasSuffix(file, ".xml") {
		// Only the XML format is emulated.
		notFoundPage(w)
		return
	}
	switch r.Method {
	case http.MethodGet, http.MethodPut:
	default:
		methodNotAllowed(w, http.MethodGet, http.MethodPut)
		return
	}
	s.protected(func(w http.ResponseWriter, r *http.Request, a *account) {
		number, err := strconv.ParseInt(strings.TrimSuffix(file, ".xml"), 10, 64)
		e := a.employees[number]
		if err != nil || e == nil {
			s.unknownRecord(w)
			return
		}
		if r.Method == http.MethodGet {
			writeOne(w, http.StatusOK, "employee", e.fields(), only(r))
			return
		}
		s.updateEmployee(w, r, a, e)
	})(w, r)
}

// unknownRecord answers a number that names no employee of the account.
func (s *Server) unknownRecord(w http.ResponseWriter) {
	if s.opts.UnknownRecordStatus == http.StatusBadRequest {
		writeErrors(w, http.StatusBadRequest, "Record is invalid")
		return
	}
	notFoundPage(w)
}

func (s *Server) listEmployees(w http.ResponseWriter, r *http.Request, a *account) {
	q := r.URL.Query()
	numbers := make([]int64, 0, len(a.employees))
	for n := range a.employees {
		numbers = append(numbers, n)
	}
	sort.Slice(numbers, func(i, j int) bool { return numbers[i] < numbers[j] })
	// No filter: "Filters are query params" (the reference), but none is
	// documented for employees. An undocumented parameter such as ?active=
	// is ignored, as Rails ignores parameters an action does not use: the
	// least convenient plausible answer, so that a client filtering on the
	// server's word alone fails here rather than against Kickserv.
	matching := make([]*employee, 0, len(numbers))
	for _, n := range numbers {
		matching = append(matching, a.employees[n])
	}
	p, _ := strconv.Atoi(q.Get("page"))
	if p < 1 {
		p = 1
	}
	start := min((p-1)*s.opts.PageSize, len(matching))
	end := min(start+s.opts.PageSize, len(matching))
	records := make([][]xmlField, 0, end-start)
	for _, e := range matching[start:end] {
		records = append(records, e.fields())
	}
	writeList(w, "employees", "employee", records, only(r))
}

// createEmployee answers like a Rails 2 scaffold: 201 Created with the
// record and a Location header, or 422 with <errors>. (The unofficial v2
// notes say JSON creates answer 200; clients should accept any 2xx.)
func (s *Server) createEmployee(w http.ResponseWriter, r *http.Request, a *account) {
	attrs, err := readRecord(r, "employee")
	if err != nil {
		writeErrors(w, http.StatusBadRequest, "Malformed XML: "+err.Error())
		return
	}
	e := &employee{Active: true, NotifyViaEmail: true}
	password := applyEmployee(e, attrs)
	if msgs := s.validate(a, e, password, nil); len(msgs) > 0 {
		writeErrors(w, http.StatusUnprocessableEntity, msgs...)
		return
	}
	now := time.Now().In(zone).Truncate(time.Second)
	stored := s.addEmployee(a, now)
	id, number, token := stored.ID, stored.Number, stored.APIToken
	*stored = *e
	stored.ID, stored.Number, stored.APIToken, stored.CreatedAt, stored.UpdatedAt = id, number, token, now, now
	if password != nil {
		stored.setPassword(*password)
	}
	w.Header().Set("Location", s.location(r, a, number))
	writeOne(w, http.StatusCreated, "employee", stored.fields(), only(r))
}

// updateEmployee answers like a Rails 2 scaffold: an empty 200 (head :ok,
// whose body is a single space) or 422 with <errors>. Only the attributes
// sent change. A body that is not sent as XML is not parsed at all, so the
// update silently changes nothing.
func (s *Server) updateEmployee(w http.ResponseWriter, r *http.Request, a *account, e *employee) {
	attrs, err := readRecord(r, "employee")
	if err != nil {
		writeErrors(w, http.StatusBadRequest, "Malformed XML: "+err.Error())
		return
	}
	updated := *e
	password := applyEmployee(&updated, attrs)
	if msgs := s.validate(a, &updated, password, e); len(msgs) > 0 {
		writeErrors(w, http.StatusUnprocessableEntity, msgs...)
		return
	}
	if password != nil {
		updated.setPassword(*password)
	}
	if len(attrs) > 0 {
		updated.UpdatedAt = time.Now().In(zone).Truncate(time.Second)
	}
	*e = updated
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write([]byte(" "))
}

// applyEmployee copies writable attributes onto e and returns the password
// if one was sent. Read-only attributes (id, employee_number,
// is_account_owner, timestamps) and unknown ones are ignored, as the docs
// say customer numbers are ignored on create.
func applyEmployee(e *employee, attrs map[string]inValue) *string {
	texts := map[string]**string{
		"username": &e.Username, "email_address": &e.EmailAddress, "cell_phone": &e.CellPhone,
		"home_phone": &e.HomePhone, "address": &e.Address, "city": &e.City, "state": &e.State, "zip_code": &e.ZipCode,
	}
	bools := map[string]*bool{
		"can_login": &e.CanLogin, "active": &e.Active,
		"notify_via_email": &e.NotifyViaEmail, "notify_via_mobile": &e.NotifyViaMobile,
	}
	var password *string
	for name, v := range attrs {
		switch {
		case name == "name":
			e.Name = v.text
			if v.null {
				e.Name = ""
			}
		case name == "password":
			if !v.null {
				password = ptr(v.text)
			}
		case texts[name] != nil:
			if v.null {
				*texts[name] = nil
			} else {
				*texts[name] = ptr(v.text)
			}
		case bools[name] != nil:
			*bools[name] = !v.null && parseBool(v.text)
		}
	}
	return password
}

// validate returns the full messages of every failed validation, Rails
// style. prior is the stored employee on update, nil on create.
func (s *Server) validate(a *account, e *employee, password *string, prior *employee) []string {
	var msgs []string
	if strings.TrimSpace(e.Name) == "" {
		msgs = append(msgs, "Name can't be blank")
	}
	// Logging in needs a username and a password: inferred from the docs'
	// login example, which sends both with can_login, not documented.
	if e.CanLogin {
		if e.Username == nil || strings.TrimSpace(*e.Username) == "" {
			msgs = append(msgs, "Username can't be blank")
		}
		if password == nil && (prior == nil || prior.PasswordHash == nil) {
			msgs = append(msgs, "Password can't be blank")
		}
	}
	if e.Username != nil {
		for _, other := range a.employees {
			if other.ID != e.ID && other.Username != nil && strings.EqualFold(*other.Username, *e.Username) {
				// Compared case-insensitively, as MySQL's default collation
				// makes a Rails uniqueness validation behave (inferred).
				msgs = append(msgs, "Username has already been taken")
				break
			}
		}
	}
	// The account must keep its owner, and the owner's token with it
	// (inferred: the docs do not say what deactivating the owner does).
	if prior != nil && prior.IsAccountOwner && !e.Active {
		msgs = append(msgs, "The account owner can't be made inactive")
	}
	return msgs
}

func (s *Server) location(r *http.Request, a *account, number int64) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	var b bytes.Buffer
	b.WriteString(scheme + "://" + r.Host + strings.TrimSuffix(s.opts.Prefix, "/"))
	b.WriteString("/" + a.slug + "/employees/" + strconv.FormatInt(number, 10) + ".xml")
	return b.String()
}
