"""Reference data of the ministries app: the six ministries of the 2026 round, their support lines and
MSS's commercialization items (the options of its line's ``item`` measure). Used by the data migrations
(with historical models) and by anything that must restore it (with the real ones). The council adds any
further ministry or line as data, not here."""

REGIONAL_VISA = "regional_visa"
EXTINCTION_FUND = "extinction_fund"
RURAL_AGREEMENT_FACILITY = "rural_agreement_facility"
SME_COMMERCIALIZATION = "sme_commercialization"
CULTURE_TOURISM = "culture_tourism_content"
FISHERIES_INFRASTRUCTURE = "fisheries_infrastructure"

MINISTRIES = [
    ("MSS", "중소벤처기업부", "Ministry of SMEs and Startups", True),
    ("MOIS", "행정안전부", "Ministry of the Interior and Safety", False),
    ("MOJ", "법무부", "Ministry of Justice", False),
    ("MAFRA", "농림축산식품부", "Ministry of Agriculture, Food and Rural Affairs", False),
    ("MCST", "문화체육관광부", "Ministry of Culture, Sports and Tourism", False),
    ("MOF", "해양수산부", "Ministry of Oceans and Fisheries", False),
]

LINES = [
    ("MOJ", "regional_visa", "지역특화형 비자", "Region-specific visa",
     "지역특화형 비자 제도를 통해 우수 외국인재를 지역에 우선 배정합니다. "
     "비자 유형별 요청·배정·발급 인원을 관리합니다.",
     "Preferential allocation of foreign talent to the region under the region-specific visa; persons requested, "
     "allocated and issued, by visa type."),
    ("MOIS", "extinction_fund", "지방소멸대응기금 연계", "Local Extinction Response Fund",
     "지방소멸대응기금과 연계하여 기업 활동에 필요한 기반시설을 지원합니다. 사업 수와 승인·집행 금액을 관리합니다.",
     "Infrastructure for business activity linked to the Local Extinction Response Fund; projects, KRW approved "
     "and disbursed."),
    ("MAFRA", "rural_agreement_facility", "농촌협약 연계 시설", "Rural Agreement facilities",
     "농촌협약을 통해 농촌기업의 전·후방 지원시설 확충과 연계를 지원합니다. 시설, 금액, 추진 현황을 관리합니다.",
     "Front- and back-end support facilities for rural enterprises through the Rural Agreement; facilities, KRW "
     "and status."),
    ("MSS", "sme_commercialization", "사업화 지원", "SME commercialization",
     "기술애로 해결, 실증·시제품 제작, 인증, 마케팅, 기업 성장, 외국인력 채용 등 사업화를 지원합니다. "
     "항목별 지원 기업 수와 금액을 관리합니다.",
     "Commercialization support by item; companies supported and KRW."),
    ("MCST", "culture_tourism_content", "문화·관광 콘텐츠 연계", "Culture and tourism content",
     "지역 특화자원과 연계한 문화·관광 콘텐츠, 지역 브랜드 사업, 축제·체험 프로그램을 지원합니다. "
     "사업별 지원 금액과 방문객 수를 관리합니다.",
     "Culture and tourism content, local brand programmes, festivals and visitor experiences built on the "
     "task's local resource; KRW supported and visitors, by programme and year."),
    ("MOF", "fisheries_infrastructure", "수산·양식 기반시설", "Fisheries and aquaculture infrastructure",
     "어촌·양식 특화 과제의 양식장, 수산물 가공·유통 시설 등 수산 기반시설을 지원합니다. "
     "시설별 지원 금액과 추진 현황을 관리합니다.",
     "Aquaculture farms, seafood processing and distribution facilities for fishing-village tasks; KRW "
     "supported and status, by facility and year."),
]

MSS_ITEMS = [
    ("technical_problem_solving", "기술애로 해결", "Technical problem solving"),
    ("demonstration_prototype", "실증 및 시제품 제작", "Demonstration and prototypes"),
    ("certification", "인증", "Certification"),
    ("marketing", "마케팅", "Marketing"),
    ("growth", "기업 성장", "Business growth"),
    ("foreign_recruitment", "외국인력 채용", "Foreign recruitment"),
]


def create_reference_data(Ministry, SupportLineKind, SupportItem=None) -> None:
    """Create or update the rows; safe to run any number of times. ``SupportItem``: the historical model of
    MSS's items, which the migrations before 0007 kept as a table (now the options of the line's ``item``)."""
    ministries = {}
    for code, name_ko, name_en, is_lead in MINISTRIES:
        ministries[code], _created = Ministry.objects.update_or_create(
            code=code, defaults={"name_ko": name_ko, "name_en": name_en, "is_lead": is_lead})
    lines = {}
    for ministry_code, code, name_ko, name_en, description_ko, description_en in LINES:
        lines[code], _created = SupportLineKind.objects.update_or_create(
            code=code, defaults={"ministry": ministries[ministry_code], "name_ko": name_ko, "name_en": name_en,
                                 "description_ko": description_ko, "description_en": description_en})
    for position, (code, name_ko, name_en) in enumerate(MSS_ITEMS if SupportItem is not None else [], start=1):
        SupportItem.objects.update_or_create(
            line_kind=lines["sme_commercialization"], code=code,
            defaults={"name_ko": name_ko, "name_en": name_en, "position": position})


def _options(*rows: tuple[str, str, str]) -> list[dict[str, str]]:
    return [{"code": code, "name_ko": name_ko, "name_en": name_en} for code, name_ko, name_en in rows]


VISA_TYPES = _options(("F-2-R", "F-2-R 지역특화형 우수인재(거주)", "F-2-R region-specific talent residence"),
                      ("F-4-R", "F-4-R 지역특화형 재외동포", "F-4-R region-specific overseas Korean"))
PLACEMENTS = _options(("front", "전방(생산·가공)", "Front-end (production, processing)"),
                      ("back", "후방(유통·판매)", "Back-end (distribution, sales)"))
STATUSES = _options(("planned", "계획", "Planned"), ("under_construction", "조성 중", "Under construction"),
                    ("operating", "운영 중", "Operating"))
MCST_KINDS = _options(("content", "문화·관광 콘텐츠", "Culture and tourism content"),
                      ("brand", "지역 브랜드", "Local brand programme"),
                      ("festival", "축제·체험 프로그램", "Festival or visitor experience"))
MOF_KINDS = _options(("aquaculture", "양식장·종자 시설", "Aquaculture farm or hatchery"),
                     ("processing", "수산물 가공 시설", "Seafood processing"),
                     ("distribution", "수산물 유통·저온 시설", "Seafood distribution and cold storage"),
                     ("harbour", "어항·어촌 기반시설", "Fishing port and village infrastructure"))

YEAR = ("year", "연도", "Year", "year")
# Per line: (code, Korean, English, type, options, required, summed, requestable, key), in page order.
MEASURES = {
    REGIONAL_VISA: [
        (*YEAR, [], True, False, False, True),
        ("visa_type", "비자 유형", "Visa type", "choice", VISA_TYPES, True, False, True, True),
        ("requested", "요청 인원", "Persons requested", "count", [], True, True, True, False),
        ("allocated", "배정 인원", "Persons allocated", "count", [], False, True, False, False),
        ("issued", "발급 인원", "Visas issued", "count", [], False, True, False, False),
    ],
    EXTINCTION_FUND: [
        ("name", "기반시설 사업", "Infrastructure project", "text", [], True, False, True, True),
        (*YEAR, [], True, False, False, False),
        ("approved_krw", "승인액(원)", "Approved (KRW)", "krw", [], True, True, True, False),
        ("disbursed_krw", "집행액(원)", "Disbursed (KRW)", "krw", [], False, True, False, False),
    ],
    RURAL_AGREEMENT_FACILITY: [
        ("name", "시설", "Facility", "text", [], True, False, True, True),
        ("placement", "구분", "Placement", "choice", PLACEMENTS, True, False, False, False),
        ("amount_krw", "금액(원)", "Amount (KRW)", "krw", [], True, True, True, False),
        ("status", "추진 현황", "Status", "choice", STATUSES, False, False, False, False),
    ],
    SME_COMMERCIALIZATION: [
        (*YEAR, [], True, False, False, True),
        ("item", "지원 항목", "Support item", "choice",
         _options(*MSS_ITEMS), True, False, True, True),
        ("companies", "지원 기업 수", "Companies supported", "count", [], True, True, True, False),
        ("amount_krw", "금액(원)", "Amount (KRW)", "krw", [], False, True, True, False),
    ],
    CULTURE_TOURISM: [
        ("programme", "사업명", "Programme", "text", [], True, False, True, True),
        (*YEAR, [], True, False, False, True),
        ("kind", "유형", "Kind", "choice", MCST_KINDS, True, False, False, False),
        ("amount_krw", "지원 금액(원)", "KRW supported", "krw", [], True, True, True, False),
        ("visitors", "방문객 수", "Visitors", "count", [], False, True, False, False),
    ],
    FISHERIES_INFRASTRUCTURE: [
        ("facility", "시설명", "Facility", "text", [], True, False, True, True),
        (*YEAR, [], True, False, False, True),
        ("kind", "시설 유형", "Kind of facility", "choice", MOF_KINDS, True, False, False, False),
        ("amount_krw", "지원 금액(원)", "KRW supported", "krw", [], True, True, True, False),
        ("status", "추진 현황", "Status", "choice", STATUSES, False, False, False, False),
    ],
}
# Rules between two measures of a row: (line, left, op, right).
RULES = [
    (REGIONAL_VISA, "issued", "lte", "allocated"),
    (EXTINCTION_FUND, "disbursed_krw", "lte", "approved_krw"),
]


def create_measures(SupportLineKind, Measure, MeasureRule) -> None:
    """Create or update every reference line's measures and rules; safe to run any number of times."""
    for line_code, measures in MEASURES.items():
        line = SupportLineKind.objects.get(code=line_code)
        for position, (code, name_ko, name_en, kind, options, required, summed, requestable, key) in \
                enumerate(measures, start=1):
            Measure.objects.update_or_create(line=line, code=code, defaults={
                "name_ko": name_ko, "name_en": name_en, "type": kind, "choices": options, "required": required,
                "summed": summed, "requestable": requestable, "key": key, "position": position})
    for line_code, left, op, right in RULES:
        measures = {measure.code: measure for measure in Measure.objects.filter(line__code=line_code)}
        MeasureRule.objects.get_or_create(line=measures[left].line, left=measures[left], op=op,
                                          right=measures[right])
