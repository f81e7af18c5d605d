package provider_test

// listCasesVendors are the TestList_protocol cases of this group's list
// resources.
var listCasesVendors = []listCase{}
