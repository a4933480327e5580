import pytest

from ministries.models import Measure, Ministry, SupportLineKind
from ministries.reference import create_reference_data


@pytest.mark.django_db
def test_six_ministries_and_their_support_lines_exist_after_migrate():
    assert sorted(Ministry.objects.values_list("code", flat=True)) == ["MAFRA", "MCST", "MOF", "MOIS", "MOJ", "MSS"]
    assert Ministry.objects.get(code="MOF").name_ko == "해양수산부"
    assert Ministry.objects.get(code="MCST").name_en == "Ministry of Culture, Sports and Tourism"
    assert Ministry.objects.get(is_lead=True).code == "MSS"
    lines = dict(SupportLineKind.objects.values_list("code", "ministry__code"))
    assert lines == {"regional_visa": "MOJ", "extinction_fund": "MOIS",
                     "rural_agreement_facility": "MAFRA", "sme_commercialization": "MSS",
                     "culture_tourism_content": "MCST", "fisheries_infrastructure": "MOF"}
    assert all(SupportLineKind.objects.values_list("description_ko", flat=True))
    assert all(SupportLineKind.objects.values_list("description_en", flat=True))
    items = Measure.objects.get(line__code="sme_commercialization", code="item").choices
    assert [option["code"] for option in items] == [
        "technical_problem_solving", "demonstration_prototype", "certification", "marketing", "growth",
        "foreign_recruitment"]


@pytest.mark.django_db
def test_reference_data_can_be_applied_again_without_duplicates():
    create_reference_data(Ministry, SupportLineKind)
    assert (Ministry.objects.count(), SupportLineKind.objects.count()) == (6, 6)
