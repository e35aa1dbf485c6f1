import Foundation

// Generation of the package parts (document.xml, styles.xml, …) as XML text.
// Everything here is a pure function of `paragraphs`, so output is deterministic.

extension DocxDocument {
    /// One file inside the .docx zip.
    struct Part {
        var path: String
        var xml: String
    }

    /// All parts, in the order they are stored in the zip. [Content_Types].xml
    /// goes first because some readers sniff the first entry.
    func parts() -> [Part] {
        [
            Part(path: "[Content_Types].xml", xml: Self.contentTypesXML),
            Part(path: "_rels/.rels", xml: Self.packageRelsXML),
            Part(path: "docProps/core.xml", xml: coreXML()),
            Part(path: "docProps/app.xml", xml: Self.appXML),
            Part(path: "word/document.xml", xml: documentXML()),
            Part(path: "word/styles.xml", xml: Self.stylesXML),
            Part(path: "word/settings.xml", xml: Self.settingsXML),
            Part(path: "word/fontTable.xml", xml: Self.fontTableXML),
            Part(path: "word/_rels/document.xml.rels", xml: Self.documentRelsXML),
        ]
    }
}

// MARK: - Layout constants (GB/T 9704)

extension DocxDocument {
    enum Layout {
        static func twips(mm: Double) -> Int { Int((mm * 1440 / 25.4).rounded()) }

        // A4
        static let pageWidth = 11906
        static let pageHeight = 16838
        static let marginTop = twips(mm: 37)     // 2098
        static let marginBottom = twips(mm: 35)  // 1984
        static let marginLeft = twips(mm: 28)    // 1587
        static let marginRight = twips(mm: 26)   // 1474

        /// 28 lines must fit in the text area, so round the pitch down.
        static let linesPerPage = 28
        static let linePitch = (pageHeight - marginTop - marginBottom) / linesPerPage  // 455
    }

    enum Font {
        static let xiaobiaosong = "方正小标宋简体"
        static let fangsong = "仿宋_GB2312"
        static let kaiti = "楷体_GB2312"
        static let heiti = "黑体"
    }

    /// Chinese type sizes in half-points (the unit of w:sz).
    enum Size {
        static let er = 44      // 二号 22 pt
        static let san = 32     // 三号 16 pt
        static let si = 28      // 四号 14 pt
        static let xiaosi = 24  // 小四 12 pt
    }

    /// Character style of the trailing 〔source〕 run.
    static let sourceStyleID = "SourceCitation"
}

// MARK: - Paragraph styles

extension DocxDocument.Style {
    var styleID: String {
        switch self {
        case .title: "Title"
        case .subtitle: "Subtitle"
        case .heading1: "Heading1"
        case .heading2: "Heading2"
        case .body: "Body"
        case .salutation: "Salutation"
        case .closing: "Closing"
        case .note: "Note"
        }
    }

    /// Word's built-in names for headings make the navigation pane and
    /// LibreOffice's outline pick them up; the rest are descriptive.
    fileprivate var styleName: String {
        switch self {
        case .title: "Title"
        case .subtitle: "Subtitle"
        case .heading1: "heading 1"
        case .heading2: "heading 2"
        case .body: "Body"
        case .salutation: "Salutation"
        case .closing: "Closing"
        case .note: "Note"
        }
    }

    fileprivate var font: String {
        switch self {
        case .title: DocxDocument.Font.xiaobiaosong
        case .subtitle, .heading2, .note: DocxDocument.Font.kaiti
        case .heading1: DocxDocument.Font.heiti
        case .body, .salutation, .closing: DocxDocument.Font.fangsong
        }
    }

    fileprivate var size: Int {
        switch self {
        case .title: DocxDocument.Size.er
        case .note: DocxDocument.Size.si
        default: DocxDocument.Size.san
        }
    }

    /// Titles centred; headings flush left (justifying a wrapped heading spreads its
    /// characters apart); prose justified.
    fileprivate var alignment: String {
        switch self {
        case .title, .subtitle: return "center"
        case .heading1, .heading2, .salutation, .note: return "left"
        default: return "both"
        }
    }

    fileprivate var indented: Bool {
        switch self {
        case .heading1, .heading2, .body, .closing, .note: true
        case .title, .subtitle, .salutation: false
        }
    }

    /// w:outlineLvl is 0-based: heading1 is outline level 1 in Word.
    fileprivate var outlineLevel: Int? {
        switch self {
        case .heading1: 0
        case .heading2: 1
        default: nil
        }
    }

    /// One blank grid line after the title block, as in printed 公文.
    fileprivate var spaceAfter: Int {
        self == .title || self == .subtitle ? DocxDocument.Layout.linePitch : 0
    }
}

// MARK: - Parts

extension DocxDocument {
    static let wNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let xmlHeader = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    static let contentTypesXML = xmlHeader + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
        <Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
        </Types>
        """

    static let packageRelsXML = xmlHeader + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """

    static let documentRelsXML = xmlHeader + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>\
        </Relationships>
        """

    static let appXML = xmlHeader + """
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
        xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
        <Application>Tiyao</Application>\
        </Properties>
        """

    /// Fixed dates: the file must be byte-identical across runs.
    func coreXML() -> String {
        let title = paragraphs.first { $0.style == .title }.map { "<dc:title>\(Self.escaped($0.text))</dc:title>" } ?? ""
        return Self.xmlHeader + """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            \(title)<dc:creator>Tiyao</dc:creator><dc:language>zh-CN</dc:language>\
            <dcterms:created xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:created>\
            <dcterms:modified xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:modified>\
            </cp:coreProperties>
            """
    }

    /// doNotCompress keeps full-width punctuation on the character grid, as 公文 expects.
    static let settingsXML = xmlHeader + """
        <w:settings xmlns:w="\(wNamespace)">\
        <w:zoom w:percent="100"/>\
        <w:defaultTabStop w:val="420"/>\
        <w:characterSpacingControl w:val="doNotCompress"/>\
        <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
        <w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>\
        </w:settings>
        """

    /// The GB2312 font names are often missing (especially 方正小标宋简体); charset 86
    /// and w:altName let Word substitute a similar installed Chinese font.
    static let fontTableXML: String = {
        let fonts: [(name: String, alt: String, family: String)] = [
            (Font.fangsong, "仿宋", "modern"),
            (Font.kaiti, "楷体", "modern"),
            (Font.heiti, "SimHei", "modern"),
            (Font.xiaobiaosong, "宋体", "roman"),
        ]
        let entries = fonts.map {
            #"<w:font w:name="\#($0.name)"><w:altName w:val="\#($0.alt)"/><w:charset w:val="86"/>"#
                + #"<w:family w:val="\#($0.family)"/><w:pitch w:val="variable"/></w:font>"#
        }
        return xmlHeader + #"<w:fonts xmlns:w="\#(wNamespace)">"# + entries.joined() + "</w:fonts>"
    }()

    /// All four font slots name the same Chinese font and w:hint="eastAsia" is set, so
    /// ambiguous characters (“”‘’—…·) use the East Asian font instead of a Latin fallback.
    static func runFonts(_ font: String) -> String {
        #"<w:rFonts w:ascii="\#(font)" w:hAnsi="\#(font)" w:eastAsia="\#(font)" w:cs="\#(font)" w:hint="eastAsia"/>"#
    }

    static let lineSpacing = #"w:line="\#(Layout.linePitch)" w:lineRule="exact""#

    /// Exact spacing equal to the grid pitch already gives 28 lines a page. Snapping
    /// is switched off because LibreOffice gives a line two grid rows whenever the
    /// (fallback) font's ascent + descent exceeds the pitch, halving the lines per page.
    static let noSnap = #"<w:snapToGrid w:val="0"/>"#

    static let stylesXML: String = {
        // docDefaults carry the body font so nothing unstyled falls back to a Latin font.
        var xml = xmlHeader + #"<w:styles xmlns:w="\#(wNamespace)">"#
        xml += "<w:docDefaults><w:rPrDefault><w:rPr>" + runFonts(Font.fangsong)
            + #"<w:sz w:val="\#(Size.san)"/><w:szCs w:val="\#(Size.san)"/>"#
            + #"<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>"#
            + #"<w:pPrDefault><w:pPr>\#(noSnap)<w:spacing w:before="0" w:after="0" \#(lineSpacing)/>"#
            + #"<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>"#
        xml += #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#
        xml += #"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">"#
            + #"<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#
        let all: [Style] = [.title, .subtitle, .heading1, .heading2, .body, .salutation, .closing, .note]
        xml += all.map(paragraphStyleXML).joined()
        xml += #"<w:style w:type="character" w:styleId="\#(sourceStyleID)"><w:name w:val="Source Citation"/>"#
            + #"<w:basedOn w:val="DefaultParagraphFont"/><w:rPr>"# + runFonts(Font.kaiti)
            + #"<w:color w:val="7F7F7F"/><w:sz w:val="\#(Size.xiaosi)"/><w:szCs w:val="\#(Size.xiaosi)"/></w:rPr></w:style>"#
        return xml + "</w:styles>"
    }()

    /// Every property is spelled out, even where it equals the default, so that
    /// Word's / LibreOffice's own built-in "Title" and "heading N" (bold, Latin
    /// font, extra spacing) cannot leak in. w:next="Body" stops a heading style
    /// from continuing into the paragraph typed after it.
    static func paragraphStyleXML(_ style: Style) -> String {
        let indent = style.indented
            ? #"<w:ind w:firstLineChars="200" w:firstLine="\#(style.size * 20)"/>"#  // 2 chars = 2 × size pt
            : #"<w:ind w:firstLineChars="0" w:firstLine="0"/>"#
        let keepNext = style.outlineLevel != nil || style == .title ? "<w:keepNext/>" : ""
        let outline = style.outlineLevel.map { #"<w:outlineLvl w:val="\#($0)"/>"# } ?? ""
        return #"<w:style w:type="paragraph" w:styleId="\#(style.styleID)">"#
            + #"<w:name w:val="\#(style.styleName)"/><w:basedOn w:val="Normal"/><w:next w:val="Body"/><w:qFormat/>"#
            + "<w:pPr>\(keepNext)\(noSnap)"
            + #"<w:spacing w:before="0" w:after="\#(style.spaceAfter)" \#(lineSpacing)/>"#
            + indent
            + #"<w:jc w:val="\#(style.alignment)"/>"#
            + outline + "</w:pPr>"
            + "<w:rPr>" + runFonts(style.font)
            + #"<w:b w:val="0"/><w:bCs w:val="0"/><w:i w:val="0"/><w:iCs w:val="0"/><w:color w:val="000000"/>"#
            + #"<w:sz w:val="\#(style.size)"/><w:szCs w:val="\#(style.size)"/></w:rPr></w:style>"#
    }

    func documentXML() -> String {
        var xml = Self.xmlHeader + #"<w:document xmlns:w="\#(Self.wNamespace)"><w:body>"#
        for paragraph in paragraphs {
            // The style is always named, so a body paragraph can never inherit a heading look.
            // A cited paragraph is set flush left: its citation is one long unbreakable word,
            // and justifying the line before it would spread the Chinese text apart.
            let alignment = paragraph.source != nil && paragraph.style.alignment == "both" ? #"<w:jc w:val="left"/>"# : ""
            xml += #"<w:p><w:pPr><w:pStyle w:val="\#(paragraph.style.styleID)"/>\#(alignment)</w:pPr>"#
            xml += Self.run(paragraph.text, characterStyle: nil)
            if let source = paragraph.source {
                xml += Self.run("〔\(source)〕", characterStyle: Self.sourceStyleID)
            }
            xml += "</w:p>"
        }
        xml += "<w:sectPr>"
            + #"<w:pgSz w:w="\#(Layout.pageWidth)" w:h="\#(Layout.pageHeight)"/>"#
            + #"<w:pgMar w:top="\#(Layout.marginTop)" w:right="\#(Layout.marginRight)" "#
            + #"w:bottom="\#(Layout.marginBottom)" w:left="\#(Layout.marginLeft)" w:header="851" w:footer="992" w:gutter="0"/>"#
            + #"<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="\#(Layout.linePitch)"/>"#
            + "</w:sectPr></w:body></w:document>"
        return xml
    }

    /// One run; tabs and line breaks inside the text become w:tab / w:br.
    /// The run repeats only w:hint (no font names) so the style still controls the font.
    static func run(_ text: String, characterStyle: String?) -> String {
        let clean = sanitized(text)
        guard !clean.isEmpty else { return "" }
        var xml = "<w:r><w:rPr>"
        if let characterStyle { xml += #"<w:rStyle w:val="\#(characterStyle)"/>"# }
        xml += #"<w:rFonts w:hint="eastAsia"/></w:rPr>"#
        var pending = ""
        func flush() {
            if !pending.isEmpty { xml += #"<w:t xml:space="preserve">\#(escaped(pending))</w:t>"# }
            pending = ""
        }
        for scalar in clean.unicodeScalars {
            switch scalar {
            case "\t": flush(); xml += "<w:tab/>"
            case "\n": flush(); xml += "<w:br/>"
            default: pending.unicodeScalars.append(scalar)
            }
        }
        flush()
        return xml + "</w:r>"
    }

    /// Normalises line endings to "\n" and drops characters that XML 1.0 forbids
    /// (C0 controls other than tab/newline, U+FFFE, U+FFFF) plus DEL and C1 controls,
    /// which Word would reject or show as boxes.
    static func sanitized(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0D: out.append("\n")
            case 0x0A where previousWasCR: continue  // second half of "\r\n"
            case 0x09, 0x0A: out.append(scalar)
            case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Escapes the five XML special characters (text is used in elements only,
    /// but quotes are escaped too so the helper is safe in attributes).
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in sanitized(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
