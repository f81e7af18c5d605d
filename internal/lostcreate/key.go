package lostcreate

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/english"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/naturalkey"
)

// Key is the natural key of the object a create makes: the attribute by
// which people recognise it, such as a webhook's URL. Before the create is
// sent, Create refuses it when an object with that key exists (see package
// naturalkey), with the way to import that object, as azurerm does with
// "a resource with the ID … already exists". Which kinds have a key, and
// why, is said where each resource builds it.
//
// The check costs one listing of the kind per provider process. Terraform
// gives the provider no way to know that a create replaces an existing
// object (the request for the new object carries no link to the old one,
// neither during the plan nor the apply), so a replacement with
// create_before_destroy that keeps the key is refused like any other
// duplicate; a replacement that deletes first, or that changes the key,
// works. Where the API accepts a second object with the key, the resource
// has an attribute that skips the check (AllowDuplicate), which such a
// replacement sets; where the API keeps the key unique (Lookup.Unique),
// such a replacement cannot work, and the refusal says so.
type Key struct {
	// Index is the provider process's index of the kind
	// (providerdata.Data.Keys).
	Index *naturalkey.Index
	// Value is the planned key, normalised as List normalises the keys
	// (for example lower case for case-insensitive usernames).
	Value string
	// Describe completes "a <vendor> <kind> with …": `hook URL "https://…"`.
	Describe string
	// Attribute is the resource attribute holding the key: "hook_url".
	Attribute string
	// List lists every object of the kind with its key: every page, since
	// an incomplete list would let a duplicate through.
	List naturalkey.ListFunc
	// Why says, in a sentence, why a second object with the key is
	// refused.
	Why string
	// Instead is the other way out than importing, when the default
	// ("delete the existing one in <vendor>, or give this resource another
	// <attribute>") does not apply, for kinds that cannot be deleted.
	Instead string
	// AllowDuplicate names the resource's boolean attribute that skips this
	// check ("allow_duplicate"), for kinds whose API accepts a second
	// object with the key: the refusal names it as the way to replace the
	// object with create_before_destroy.
	AllowDuplicate string
	// Second, for a Unique lookup whose API does not simply refuse a
	// second object with the key, says what it does instead ("hands back
	// the existing tag"), in the refusal's advice on create_before_destroy.
	Second string
	// Unchecked is the value of that attribute: the create is sent without
	// the check, and the new object is recorded under its key all the same,
	// for the checks of other creates in this run.
	Unchecked bool
}

// checkKey claims the key before a create. It returns false, with the
// error in diags, when an object with the key exists or the check failed.
// Without a key it returns a nil claim, whose methods do nothing.
func (l Lookup[T]) checkKey(ctx context.Context, diags *diag.Diagnostics, summary string) (*naturalkey.Claim, bool) {
	k := l.Key
	if k == nil || k.Unchecked {
		return nil, true
	}
	claim, found, err := k.Index.Claim(ctx, k.Value, k.List)
	if err != nil {
		diags.AddError(summary, fmt.Sprintf("Checking whether a %s %s with %s already exists failed: %s\n\n"+
			"Terraform checks this before creating %s, and creates nothing when it cannot tell. %s Apply again.",
			l.Vendor, l.Kind, k.Describe, err, english.A(l.Kind), k.Why))
		return nil, false
	}
	if claim == nil {
		l.refuseExisting(diags, found)
		return nil, false
	}
	return claim, true
}

// refuseExisting is the error of a create whose key is taken.
func (l Lookup[T]) refuseExisting(diags *diag.Diagnostics, found []naturalkey.Existing) {
	k := l.Key
	ids := make([]string, len(found))
	here := false
	for i, f := range found {
		ids[i] = f.ID
		here = here || f.CreatedHere
	}
	var b strings.Builder
	summary := fmt.Sprintf("A %s %s with %s already exists", l.Vendor, l.Kind, k.Describe)
	if len(ids) == 1 {
		fmt.Fprintf(&b, "A %s %s with %s already exists (id %s)", l.Vendor, l.Kind, k.Describe, ids[0])
	} else {
		fmt.Fprintf(&b, "%s %ss with %s already exist (ids %s)", l.Vendor, l.Kind, k.Describe, strings.Join(ids, ", "))
	}
	if here {
		fmt.Fprintf(&b, ", made by another resource of this configuration during this apply. "+
			"Terraform creates at most one %s with a given %s: give each resource its own %s. %s", l.Kind, k.Attribute, k.Attribute, k.Why)
		diags.AddError(summary, b.String())
		return
	}
	what := "it"
	if len(ids) > 1 {
		what = "the right one"
	}
	fmt.Fprintf(&b, ": to manage %s with Terraform, import it:\n\n  terraform import %s.<name> %s\n\n"+
		"or with an import block:\n\n  import {\n    to = %s.<name>\n    id = %q\n  }\n\n", what, l.ResourceType, ids[0], l.ResourceType, ids[0])
	fmt.Fprintf(&b, "Terraform checks this before creating %s, so as not to make a second one behind your back "+
		"(as a second apply after a create whose answer was lost would). %s", english.A(l.Kind), k.Why)
	instead := k.Instead
	if instead == "" {
		instead = fmt.Sprintf("give this resource another %s, or delete the existing %s in %s first", k.Attribute, l.Kind, l.Vendor)
	}
	fmt.Fprintf(&b, " If you did not mean that %s, or another resource of this configuration already manages it, %s.", l.Kind, instead)
	b.WriteString(l.replaceAdvice())
	diags.AddError(summary, b.String())
}

// replaceAdvice is what the refusal says of a create that replaces the
// object with create_before_destroy and keeps its key: Terraform does not
// tell the provider which object a new one replaces, so the new one looks
// like a duplicate.
func (l Lookup[T]) replaceAdvice() string {
	k := l.Key
	switch {
	case k.AllowDuplicate != "":
		return fmt.Sprintf(" If this create replaces that %s with create_before_destroy and keeps its %s, set %s = true on this resource: "+
			"Terraform does not tell the provider which object a new one replaces, so without it the new %s cannot be told from a duplicate "+
			"(both exist until the old one is deleted). Or replace it without create_before_destroy.", l.Kind, k.Attribute, k.AllowDuplicate, l.Kind)
	case l.Unique:
		second := k.Second
		if second == "" {
			second = fmt.Sprintf("refuses a second %s with the same %s", l.Kind, k.Attribute)
		}
		return fmt.Sprintf(" A replacement that keeps the %s cannot work with create_before_destroy: %s itself %s, "+
			"so the new one cannot be created while the old one exists.", k.Attribute, l.Vendor, second)
	case k.Instead == "":
		return fmt.Sprintf(" If this create replaces that %s with create_before_destroy, replace it without create_before_destroy "+
			"(Terraform does not tell the provider which object a new one replaces, so the old one must be gone first).", l.Kind)
	}
	return ""
}

// article puts "a" or "an" before a kind: "an external system".
