package provider_test

// listCasesCatalogue are the TestList_protocol cases of this group's list
// resources.
var listCasesCatalogue = []listCase{}
