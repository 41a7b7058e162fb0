package annotate

// TextLayer is textLayer for the external tests.
var TextLayer = textLayer

// CorpusDir is corpusDir for the external tests.
const CorpusDir = corpusDir

// CaseInfo is caseInfo for the external tests.
var CaseInfo = caseInfo
