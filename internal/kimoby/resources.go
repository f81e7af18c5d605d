// Package kimoby holds the fieldservice_kimoby_* resources, data sources and
// the kimoby_webhook_signature function. The API client lives in the api
// subpackage.
package kimoby

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
)

// Resources lists the Kimoby resources.
func Resources() []func() resource.Resource { return kit.Of(NewWebhookResource) }

// DataSources lists the Kimoby data sources.
func DataSources() []func() datasource.DataSource {
	return kit.Of(NewWebhookDataSource, NewWebhooksDataSource)
}

// Functions lists the Kimoby provider-defined functions.
func Functions() []func() function.Function { return kit.Of(NewSignatureFunction) }
