"""The rest of the 2025 round's 24 selected tasks. The local governments and themes marked ``public`` are
the ones the press named (program-timeline.md: Chungbuk, Jeonbuk, Gangwon, Jeonnam); the others are made
up in the same manner, and the demo's description says so. Titles, companies and figures are made up for
all of them. Their officials have no demo login.

Each entry: key → (current code, submitted at (KST), public?, title, specialty resource, industry).
"""
from core.text import with_particle

TASKS_2025 = {
    # Chungbuk (3,000,000,000 KRW national for the three, with Danyang in demo_proposals)
    "okcheon": ("43730", "2024-10-10T10:10:00", True, "옥천 묘목산업 전후방 산업 육성",
                "옥천 묘목", "묘목 생산·유통과 조경·가공 전후방 산업"),
    "yeongdong": ("43740", "2024-10-11T14:30:00", True, "영동 와인산업 고도화와 청년 와이너리 육성",
                  "영동 포도", "와인 양조·체험 관광"),
    # Jeonbuk (4,300,000,000 KRW national for the four)
    "gimje": ("52210", "2024-10-14T09:40:00", True, "김제 특장차 산업 고도화와 부품기업 성장 지원",
              "김제 특장차 산업단지", "특수목적 차량"),
    "sunchang": ("52770", "2024-10-15T11:00:00", True, "순창 마이크로바이옴 기반 농식품 산업 육성",
                 "순창 장류 발효 미생물", "마이크로바이옴 농식품"),
    "namwon": ("52190", "2024-10-16T15:20:00", True, "남원 그린바이오 곤충 소재 산업화",
               "남원 곤충 사육 기반", "그린바이오·곤충 소재"),
    "jangsu": ("52740", "2024-10-17T13:15:00", True, "장수 레드푸드 스마트팜 산업 육성",
               "장수 사과·한우·오미자(레드푸드)", "스마트팜 레드푸드 가공"),
    # Gangwon (1,000,000,000 KRW national, 1,430,000,000 KRW in all, 2025–2026)
    "gangneung": ("51150", "2024-10-18T10:50:00", True, "강릉 첨단 세라믹 부품 산업 육성",
                  "강릉 세라믹 소재 기반", "첨단 세라믹 부품"),
    # Jeonnam (since 2026-07-01 in 전남광주통합특별시; current codes)
    "wando": ("12850", "2024-10-18T16:00:00", True, "완도 ICT·BT 융합 다시마 산업 고도화",
              "완도 다시마", "ICT·BT 해조류 가공"),
    "hwasun": ("12760", "2024-10-21T09:30:00", True, "화순 천연염색 타월 산업 육성",
               "화순 천연염색", "천연염색 섬유·타월"),
    "gurye": ("12730", "2024-10-21T11:45:00", True, "구례 산수유·지리산 약용자원 산업화",
              "구례 산수유와 지리산 약용자원", "약용 소재·건강식품"),
    # Made up in the manner of the round's
    "ganghwa": ("28710", "2024-10-08T10:00:00", False, "강화 인삼·순무 발효 가공 산업 육성",
                "강화 인삼·순무", "발효 가공식품"),
    "gapyeong": ("41820", "2024-10-09T14:00:00", False, "가평 잣 기능성 소재 산업화",
                 "가평 잣", "기능성 식품 소재"),
    "pyeongchang": ("51760", "2024-10-10T15:40:00", False, "평창 고랭지 채소 간편식 클러스터",
                    "평창 고랭지 채소", "간편식 가공"),
    "cheongyang": ("44790", "2024-10-11T09:20:00", False, "청양 고추 캡사이신 소재 산업화",
                   "청양 고추", "기능성 소재"),
    "yesan": ("44810", "2024-10-14T16:10:00", False, "예산 사과 발효주·식초 산업 육성",
              "예산 사과", "발효 식품"),
    "goryeong": ("47830", "2024-10-15T10:30:00", False, "고령 딸기 가공 수출 산업 육성",
                 "고령 딸기", "과실 가공·수출"),
    "bonghwa": ("47920", "2024-10-16T11:30:00", False, "봉화 산림 바이오 소재 산업화",
                "봉화 송이·산림 자원", "산림 바이오 소재"),
    "namhae": ("48840", "2024-10-17T15:50:00", False, "남해 유자·마늘 기능성 식품 산업 육성",
               "남해 유자·마늘", "기능성 식품"),
    "muju": ("52730", "2024-10-18T09:10:00", False, "무주 천마 바이오 헬스 산업 육성",
             "무주 천마", "바이오 헬스"),
}


def proposal_text(title: str, resource: str, industry: str) -> dict:
    """A made-up proposal's text from its title, resource and industry, the particle fitted to the resource."""
    summary = f"{with_particle(resource, '을/를')} 기반으로 {industry} 기업을 성장 단계별로 지원한다."
    return {"title": title, "summary": summary,
            "specialty_resource": resource, "industry": industry,
            "extinction_strategy": "청년 고용과 정착 지원으로 인구 유입을 늘린다.",
            "support_programme": "기술문제 해결·시제품·인증·판로 단계별 지원"}


def values_of(key: str) -> tuple[str, str, dict]:
    """(code, submitted at, the proposal's text) of one of the tasks above."""
    code, submitted_at, _public, title, resource, industry = TASKS_2025[key]
    return code, submitted_at, proposal_text(title, resource, industry)
