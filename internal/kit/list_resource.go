package kit

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
)

// Found is one object a list resource found: its import id, as an import
// block's id takes it ("7/12" for a contract's rule), and the name a
// person knows it by, shown by `terraform query`.
type Found struct{ ID, Name string }

// ListResource is the list resource of a resource type (Terraform 1.14's
// `terraform query`): it finds the objects its configuration's filter F
// asks for, and answers each exactly as an import of its id would, with
// the identity and, when asked, the object as the resource's own
// ImportState and Read make it. The configuration Terraform generates from
// it then plans no change, as an import does, and a list resource is only
// its filter's schema and its search (Find).
type ListResource[C, F any] struct {
	Vendor Vendor[C]
	// Resource is the constructor of the resource type listed; the list
	// resource takes its type name.
	Resource func() resource.Resource
	// Description says what is listed and how the filter narrows it.
	Description string
	// Filter is the schema of the list block's config: F's attributes.
	Filter map[string]listschema.Attribute
	// Find lists the objects filter asks for and calls found with each,
	// in a stable order, until it returns false (enough were found).
	Find func(ctx context.Context, c C, filter *F, found func(Found) bool) error
	// Validate, when set, checks the filter at validation (the
	// configuration may hold unknown values then).
	Validate func(filter *F, diags *diag.Diagnostics)
	data     *providerdata.Data
}

// NewListResource is the constructor of the list resource l, for a provider's
// ListResources.
func NewListResource[C, F any](l ListResource[C, F]) func() list.ListResource {
	return func() list.ListResource { c := l; return &c }
}

// Metadata names the list resource as its resource type.
func (l *ListResource[C, F]) Metadata(ctx context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	l.Resource().Metadata(ctx, req, resp)
}

// Configure keeps the provider data (nil at validation).
func (l *ListResource[C, F]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.data = providerdata.FromResource(req, resp)
}

// ListResourceConfigSchema is the filter's schema.
func (l *ListResource[C, F]) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{Description: l.Description, Attributes: l.Filter}
}

// ValidateListResourceConfig runs Validate.
func (l *ListResource[C, F]) ValidateListResourceConfig(ctx context.Context, req list.ValidateConfigRequest, resp *list.ValidateConfigResponse) {
	if l.Validate == nil {
		return
	}
	var filter F
	if resp.Diagnostics.Append(req.Config.Get(ctx, &filter)...); !resp.Diagnostics.HasError() {
		l.Validate(&filter, &resp.Diagnostics)
	}
}

// List streams a result per object Find finds, up to the request's limit
// (Terraform stops reading there; the search stops with it). An object
// gone between the search and its read is left out, as a refresh would
// drop it.
func (l *ListResource[C, F]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var diags diag.Diagnostics
	var filter F
	diags.Append(req.Config.Get(ctx, &filter)...)
	c, _ := client(l.Vendor, l.data, &diags)
	r := l.Resource()
	if rc, ok := r.(resource.ResourceWithConfigure); ok && !diags.HasError() {
		var cr resource.ConfigureResponse
		rc.Configure(ctx, resource.ConfigureRequest{ProviderData: l.data}, &cr)
		diags.Append(cr.Diagnostics...)
	}
	importer, ok := r.(resource.ResourceWithImportState)
	if !ok {
		diags.AddError("List resource without import", "The resource listed cannot be imported; this is a bug in the provider, please report it.")
	}
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		pushed, open := int64(0), true
		err := l.Find(ctx, c, &filter, func(f Found) bool {
			res, gone := l.result(ctx, req, r, importer, f)
			if gone {
				return true
			}
			pushed++
			open = push(res)
			return open && (req.Limit <= 0 || pushed < req.Limit)
		})
		if err != nil && open {
			var d diag.Diagnostics
			d.AddError(fmt.Sprintf("Listing %s %s failed", l.Vendor.Name, l.noun(ctx)), err.Error())
			push(list.ListResult{Diagnostics: d})
		}
	}
}

// result is the result of the object found: the identity and state its
// import makes, and, when the request includes the resource, the state a
// Read then makes of it. gone is true when that Read finds no object.
func (l *ListResource[C, F]) result(ctx context.Context, req list.ListRequest, r resource.Resource, importer resource.ResourceWithImportState, f Found) (res list.ListResult, gone bool) {
	res = req.NewListResult(ctx)
	res.DisplayName = f.Name
	imp := resource.ImportStateResponse{
		State:    tfsdk.State{Schema: req.ResourceSchema, Raw: tftypes.NewValue(req.ResourceSchema.Type().TerraformType(ctx), nil)},
		Identity: &tfsdk.ResourceIdentity{Schema: req.ResourceIdentitySchema, Raw: res.Identity.Raw},
	}
	importer.ImportState(ctx, resource.ImportStateRequest{ID: f.ID}, &imp)
	if res.Diagnostics.Append(imp.Diagnostics...); res.Diagnostics.HasError() {
		return res, false
	}
	res.Identity.Raw = imp.Identity.Raw
	if !req.IncludeResource {
		return res, false
	}
	read := resource.ReadResponse{State: imp.State, Identity: imp.Identity}
	r.Read(ctx, resource.ReadRequest{State: imp.State, Identity: imp.Identity}, &read)
	if res.Diagnostics.Append(read.Diagnostics...); res.Diagnostics.HasError() {
		return res, false
	}
	if read.State.Raw.IsNull() {
		return res, true
	}
	res.Resource.Raw, res.Identity.Raw = read.State.Raw, read.Identity.Raw
	return res, false
}

// noun is the plural of what the type lists, in messages: "contract rules".
func (l *ListResource[C, F]) noun(ctx context.Context) string {
	var resp resource.MetadataResponse
	l.Resource().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "fieldservice"}, &resp)
	return lookup.Plural(strings.ReplaceAll(strings.TrimPrefix(resp.TypeName, "fieldservice_"+l.Vendor.Prefix+"_"), "_", " "))
}

// Each calls found with each of items (a list that err says failed is
// not gone through), as found makes them Found, until found returns
// false: the usual Find of a vendor list read whole.
func Each[T any](items []T, err error, found func(Found) bool, of func(T) Found) error {
	if err != nil {
		return err
	}
	for _, it := range items {
		if !found(of(it)) {
			return nil
		}
	}
	return nil
}

// FilterString is an optional string of a list resource's filter.
func FilterString(description string) listschema.StringAttribute {
	return listschema.StringAttribute{Optional: true, Description: description}
}

// FilterBool is an optional boolean of a list resource's filter.
func FilterBool(description string) listschema.BoolAttribute {
	return listschema.BoolAttribute{Optional: true, Description: description}
}

// FilterParentID is the required parent id of a list resource whose
// objects the API lists only within their parent (a contract's rules): a
// positive whole number, as the resource's ParentID.
func FilterParentID(description string) listschema.Int64Attribute {
	return listschema.Int64Attribute{Required: true, Description: description, Validators: []validator.Int64{int64validator.AtLeast(1)}}
}

// FilterID is an optional id of a list resource's filter: a positive
// whole number.
func FilterID(description string) listschema.Int64Attribute {
	return listschema.Int64Attribute{Optional: true, Description: description, Validators: []validator.Int64{int64validator.AtLeast(1)}}
}

// FilterOneOf is an optional string of a list resource's filter that
// takes one of values.
func FilterOneOf(description string, values ...string) listschema.StringAttribute {
	return listschema.StringAttribute{Optional: true, Description: description, Validators: []validator.String{stringvalidator.OneOf(values...)}}
}
