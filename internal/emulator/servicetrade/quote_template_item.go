package servicetrade

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// quoteTemplateItem is a line of a quote template, reachable both nested
// (/quotetemplate/{tid}/item/{id}) and flat (/quotetemplateitem/{id}).
type quoteTemplateItem struct {
	ID, TemplateID int64
	Quantity       float64
	// Description is nil only when neither a description nor a lib item
	// was ever given, which validation refuses.
	Description   *string
	LibItemID     int64 // 0: none
	ServiceLineID int64 // 0: none
	// OrderIndex: "items are listed from low to high value, null is the
	// default value".
	OrderIndex *int64
}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		mux.HandleFunc("/quotetemplate/{tid}/item", s.protected(s.nestedItemCollection))
		mux.HandleFunc("/quotetemplate/{tid}/item/{id}", s.protected(s.nestedItem))
		mux.HandleFunc("/quotetemplateitem", s.protected(s.flatItemCollection))
		mux.HandleFunc("/quotetemplateitem/{id}", s.protected(s.flatItem))
	})
}

// itemsOfTemplate returns the template's items in the API's order: by
// orderIndex from low to high, items without one (null) last, then by id.
// Called with s.mu held.
func (s *Server) itemsOfTemplate(templateID int64) []*quoteTemplateItem {
	var out []*quoteTemplateItem
	for _, id := range sortedKeys(s.quoteTemplateItems) {
		if it := s.quoteTemplateItems[id]; it.TemplateID == templateID {
			out = append(out, it)
		}
	}
	slices.SortStableFunc(out, func(a, b *quoteTemplateItem) int {
		switch {
		case a.OrderIndex == nil && b.OrderIndex == nil:
			return 0
		case a.OrderIndex == nil:
			return 1
		case b.OrderIndex == nil:
			return -1
		case *a.OrderIndex < *b.OrderIndex:
			return -1
		case *a.OrderIndex > *b.OrderIndex:
			return 1
		}
		return 0
	})
	return out
}

// quoteTemplateItemJSON renders an item as the reference's examples do: the
// parent under "quote" (the field table says quoteTemplate), the lib item in
// its short form with a capitalised type ("Part"), and the service line
// without a uri. orderIndex is in no example; the emulator returns it, as
// the API echoes its other parameters. Called with s.mu held.
func (s *Server) quoteTemplateItemJSON(r *http.Request, it *quoteTemplateItem) map[string]any {
	var quote, lib, sl map[string]any
	if qt := s.quoteTemplates[it.TemplateID]; qt != nil {
		quote = s.quoteTemplateRef(r, qt)
	}
	if li := s.libItems[it.LibItemID]; li != nil {
		var code any
		if li.Code != "" {
			code = li.Code
		}
		lib = map[string]any{"id": li.ID, "uri": s.uri(r, "libitem", li.ID), "name": li.Name, "type": displayLibItemType(li.Type), "code": code}
	}
	if l := s.serviceLines[it.ServiceLineID]; l != nil {
		sl = s.serviceLineJSON(r, l)
	}
	return map[string]any{
		"id": it.ID, "uri": s.uri(r, "quotetemplateitem", it.ID), "description": it.Description,
		"quantity": it.Quantity, "orderIndex": it.OrderIndex,
		"quote": quote, "libItem": lib, "serviceLine": sl,
	}
}

// writeItemInvalid is the documented 400 "parameters invalid", with the
// validation messages every ServiceTrade 400 carries.
func writeItemInvalid(w http.ResponseWriter, v map[string][]string) {
	writeInvalid(w, "parameters invalid", v)
}

// pathInt parses a numeric path wildcard; ok is false when it is not one.
func pathInt(r *http.Request, name string) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	return id, err == nil
}

// The error texts say "quote" where they mean the quote template, as the
// reference's do (its item section was copied from the quote item one).
func quoteNotFound(w http.ResponseWriter, tid string) {
	writeError(w, http.StatusNotFound, "quote "+tid+" not found")
}

func (s *Server) nestedItemCollection(w http.ResponseWriter, r *http.Request) {
	tid, ok := pathInt(r, "tid")
	if !ok {
		quoteNotFound(w, r.PathValue("tid"))
		return
	}
	// PUT and DELETE on the item collection are not documented.
	s.serveCollection(w, r, collectionVerbs{
		list:   func() { s.listItems(w, r, tid) },
		create: func(fields map[string]json.RawMessage) { s.createItem(w, r, tid, fields) },
	})
}

// itemVerbs are GET and PUT on an item, the same on both of its paths.
func (s *Server) itemVerbs(w http.ResponseWriter, r *http.Request) objectVerbs[quoteTemplateItem] {
	return objectVerbs[quoteTemplateItem]{
		get: func(it *quoteTemplateItem) { writeData(w, s.quoteTemplateItemJSON(r, it)) },
		put: func(it *quoteTemplateItem, fields map[string]json.RawMessage) { s.updateItemLocked(w, r, it, fields) },
	}
}

func (s *Server) nestedItem(w http.ResponseWriter, r *http.Request) {
	tid, okT := pathInt(r, "tid")
	id, okI := pathInt(r, "id")
	if !okT {
		quoteNotFound(w, r.PathValue("tid"))
		return
	}
	verbs := s.itemVerbs(w, r)
	verbs.delete = func(it *quoteTemplateItem) {
		delete(s.quoteTemplateItems, it.ID)
		// 204 "quote item deleted".
		w.WriteHeader(http.StatusNoContent)
	}
	serveObject(s, w, r, func() (*quoteTemplateItem, string) {
		if s.quoteTemplates[tid] == nil {
			return nil, "quote " + strconv.FormatInt(tid, 10) + " not found"
		}
		it := s.quoteTemplateItems[id]
		if !okI || it == nil || it.TemplateID != tid {
			return nil, fmt.Sprintf("quote item %s not found on quote %d", r.PathValue("id"), tid)
		}
		return it, ""
	}, verbs)
}

func (s *Server) flatItemCollection(w http.ResponseWriter, r *http.Request) {
	s.serveCollection(w, r, collectionVerbs{
		list: func() {
			raw := r.URL.Query().Get("quoteTemplateId")
			if raw == "" {
				// Documented as 404, not 400.
				writeError(w, http.StatusNotFound, "quoteTemplateId must be specified when searching for quote items")
				return
			}
			tid, err := strconv.ParseInt(raw, 10, 64)
			if err != nil {
				quoteNotFound(w, raw)
				return
			}
			s.listItems(w, r, tid)
		},
		create: func(fields map[string]json.RawMessage) {
			var tid int64
			if err := json.Unmarshal(fields["quoteTemplateId"], &tid); err != nil || tid == 0 {
				writeItemInvalid(w, map[string][]string{"quoteTemplateId": {"quoteTemplateId is required"}})
				return
			}
			s.createItem(w, r, tid, fields)
		},
	})
}

func (s *Server) flatItem(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodPut {
		// DELETE is documented only on the nested path
		// (/quotetemplate/{tid}/item/{id}); the flat one is not listed, so
		// it answers 405 "method not implemented", before the id is read.
		s.methodNotAllowed(w, r)
		return
	}
	serveByID(s, w, r, "quote item", s.quoteTemplateItems, s.itemVerbs(w, r))
}

// listItems answers the items of a template, in the template's order.
// Called with s.mu held.
func (s *Server) listItems(w http.ResponseWriter, r *http.Request, tid int64) {
	if s.quoteTemplates[tid] == nil {
		quoteNotFound(w, strconv.FormatInt(tid, 10))
		return
	}
	out := []map[string]any{}
	for _, it := range s.itemsOfTemplate(tid) {
		out = append(out, s.quoteTemplateItemJSON(r, it))
	}
	writeData(w, page(s, r, "items", out, 0))
}

// createItem adds an item to a template. Called with s.mu held.
func (s *Server) createItem(w http.ResponseWriter, r *http.Request, tid int64, fields map[string]json.RawMessage) {
	if s.quoteTemplates[tid] == nil {
		quoteNotFound(w, strconv.FormatInt(tid, 10))
		return
	}
	it := &quoteTemplateItem{TemplateID: tid}
	if v := s.applyItem(it, fields, true); v != nil {
		writeItemInvalid(w, v)
		return
	}
	it.ID = s.newID()
	s.quoteTemplateItems[it.ID] = it
	writeData(w, s.quoteTemplateItemJSON(r, it))
}

// updateItemLocked applies a partial PUT. quoteTemplateId is among the
// documented POST/PUT parameters ("sets the quote to which this item
// belongs"), so a PUT may move the item to another template.
func (s *Server) updateItemLocked(w http.ResponseWriter, r *http.Request, it *quoteTemplateItem, fields map[string]json.RawMessage) {
	updated := *it
	if raw, ok := fields["quoteTemplateId"]; ok {
		var tid int64
		if err := json.Unmarshal(raw, &tid); err != nil {
			writeItemInvalid(w, map[string][]string{"quoteTemplateId": {"quoteTemplateId must be an integer"}})
			return
		}
		if s.quoteTemplates[tid] == nil {
			quoteNotFound(w, strconv.FormatInt(tid, 10))
			return
		}
		updated.TemplateID = tid
	}
	if v := s.applyItem(&updated, fields, false); v != nil {
		writeItemInvalid(w, v)
		return
	}
	*it = updated
	writeData(w, s.quoteTemplateItemJSON(r, it))
}

// applyItem copies POST/PUT fields onto it, resolves what the server fills
// in, and returns validation errors. Called with s.mu held.
//
// Server-side resolution, as the reference's "Add an item" example shows:
// a POST with only a description that names a lib item ("CCW Zirconium
// Flange") comes back with that libItem and its serviceLine. The emulator
// matches the description against the names of active lib items, ignoring
// case, and resolves only a single match (two items named alike resolve to
// neither). The docs are silent on the rest, so the emulator assumes:
//   - resolution happens on POST only; a PUT changes what it is sent;
//   - an item created with only a libItemId takes the lib item's name as its
//     description (every example item has a description);
//   - the service line comes from the lib item when none is sent (on PUT,
//     when the lib item changes, or when serviceLineId is cleared); an
//     explicit serviceLineId wins;
//   - libItemId, serviceLineId and orderIndex take null to clear.
func (s *Server) applyItem(it *quoteTemplateItem, f map[string]json.RawMessage, create bool) map[string][]string {
	v := map[string][]string{}
	if raw, ok := f["quantity"]; ok || create {
		var q *float64
		if err := json.Unmarshal(raw, &q); err != nil || q == nil {
			v["quantity"] = append(v["quantity"], "quantity is required and must be a number")
		} else if *q <= 0 {
			v["quantity"] = append(v["quantity"], "quantity must be greater than 0")
		} else {
			it.Quantity = *q
		}
	}
	nullableString(f, v, "description", &it.Description)
	libSent := nullableRef(f, v, "libItemId", &it.LibItemID, func(id int64) bool { return s.libItems[id] != nil })
	slSent := nullableRef(f, v, "serviceLineId", &it.ServiceLineID, func(id int64) bool { return s.serviceLines[id] != nil })
	nullable(f, v, "orderIndex", "an integer or null", &it.OrderIndex)
	if len(v) > 0 {
		return v
	}

	hasDescription := it.Description != nil && strings.TrimSpace(*it.Description) != ""
	if create && it.LibItemID == 0 && hasDescription {
		it.LibItemID = s.libItemNamed(*it.Description)
		libSent = it.LibItemID != 0
	}
	li := s.libItems[it.LibItemID]
	if create && !hasDescription && li != nil {
		name := li.Name
		it.Description, hasDescription = &name, true
	}
	if li != nil && li.ServiceLineID != 0 && (it.ServiceLineID == 0 || libSent && !slSent) {
		it.ServiceLineID = li.ServiceLineID
	}
	if !hasDescription && li == nil {
		v["description"] = append(v["description"], "description is required if no libItemId is given")
		v["libItemId"] = append(v["libItemId"], "libItemId is required if no description is given")
	}
	if it.ServiceLineID == 0 && (li == nil || li.ServiceLineID == 0) {
		v["serviceLineId"] = append(v["serviceLineId"], "serviceLineId is required if no libItem is given or the libItem has no service line")
	}
	return problems(v)
}

// libItemNamed returns the id of the single active lib item whose name is
// name (ignoring case), or 0. Called with s.mu held.
func (s *Server) libItemNamed(name string) int64 {
	var found int64
	for _, id := range sortedKeys(s.libItems) {
		li := s.libItems[id]
		if li.Active && strings.EqualFold(li.Name, strings.TrimSpace(name)) {
			if found != 0 {
				return 0
			}
			found = id
		}
	}
	return found
}
