extension SafeXML {
    /// A readable message for a libxml2 parser error code (`NSXMLParserErrorDomain` uses the same
    /// numbers). Foundation on Linux only says "The operation could not be completed", so the
    /// common codes are spelt out here; the rest fall back to the number.
    static func message(forParserError code: Int) -> String {
        switch code {
        case 4: "the document is empty or is not XML (expected a start tag '<')"
        case 5: "extra content after the end of the root element"
        case 9: "invalid character in the document"
        case 6, 7, 8: "invalid character reference"
        case 22, 23: "malformed entity reference: write a literal '&' as '&amp;'"
        case 26, 27: "reference to an undeclared entity: only &amp; &lt; &gt; &quot; &apos; and numeric references are accepted"
        case 33, 34: "attribute value is not quoted or its quote is never closed"
        case 38: "'<' is not allowed inside an attribute value: write it as '&lt;'"
        case 39, 40, 41: "malformed attribute: write it as name=\"value\""
        case 42: "the same attribute is given twice on one element"
        case 43, 44: "a quoted value is not closed"
        case 45: "a comment is never closed with '-->'"
        case 46, 47: "a processing instruction is never closed with '?>'"
        case 56, 57: "malformed XML declaration"
        case 63: "a CDATA section is never closed with ']]>'"
        case 64: "names beginning with 'xml' are reserved"
        case 65: "a space is required here"
        case 68: "an element or attribute name is missing or invalid"
        case 73: "a start tag is not closed with '>'"
        case 74: "an end tag is malformed (expected '</name>')"
        case 76: "end tag does not match the open element"
        case 77: "a start tag is never finished"
        case 81: "invalid UTF-8 in the document"
        case 85: "the document is not well-balanced"
        case 86: "extra content after the end of the root element"
        case 89: "an entity refers to itself"
        default: "the XML is not well-formed (parser error \(code))"
        }
    }
}
