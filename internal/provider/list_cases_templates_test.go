package provider_test

// listCasesTemplates are the TestList_protocol cases of this group's list
// resources.
var listCasesTemplates = []listCase{}
