# A brand is imported as <company_id>/<brand_id>.
terraform import fieldservice_servicetrade_brand.hwy55 4294967298/4294967310
