"""Reference data of the ministries app: the six ministries of the 2026 round, their support lines and
MSS's commercialization items. Used by the data migrations (with historical models) and by anything that
must restore it (with the real ones). The council adds any further ministry or line as data, not here."""

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


def create_reference_data(Ministry, SupportLineKind, SupportItem) -> None:
    """Create or update the rows; safe to run any number of times."""
    ministries = {}
    for code, name_ko, name_en, is_lead in MINISTRIES:
        ministries[code], _created = Ministry.objects.update_or_create(
            code=code, defaults={"name_ko": name_ko, "name_en": name_en, "is_lead": is_lead})
    lines = {}
    for ministry_code, code, name_ko, name_en, description_ko, description_en in LINES:
        lines[code], _created = SupportLineKind.objects.update_or_create(
            code=code, defaults={"ministry": ministries[ministry_code], "name_ko": name_ko, "name_en": name_en,
                                 "description_ko": description_ko, "description_en": description_en})
    for position, (code, name_ko, name_en) in enumerate(MSS_ITEMS, start=1):
        SupportItem.objects.update_or_create(
            line_kind=lines["sme_commercialization"], code=code,
            defaults={"name_ko": name_ko, "name_en": name_en, "position": position})
