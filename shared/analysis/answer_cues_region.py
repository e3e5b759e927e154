"""Wording that names a resource's region: a cloud's region codes and names, a site's own zones and
data centres, a region made moot. Its own module because sites name regions every way a checklist
pattern can: the cloud checklist (`checklist_cloud`) reads them from here.
"""

from __future__ import annotations

REGION = (
    # An availability zone, NCP's region code, a city as a list element (rules-2026.12.43, real
    # shapes BA, BC): "ap-northeast-2c", "gov-smartparking-prd / KR-1", "운영 / 서울".
    r"\b(?:ap|us|eu|sa|ca|me|af)-(?:north|south|east|west|central|northeast|southeast)-\d[a-z]\b|"
    r"(?-i:\bKR-\d\b)|(?-i:\bKR-[A-Z]{1,2}\d\b)|"
    # A site's "<code>-R<n>" region, a CLI's --location, a global resource said so (rules-2026.12.47,
    # real shapes BS, BT, BU): "NJ-R1", "대전 DJ-R2 리전", "--location koreacentral", "(global)".
    r"(?-i:\b[A-Z]{2,4}-R\d\b)|--(?:location|region|zone)[ =][a-z][\w-]+|\(global\)|"
    # A government cloud's centre and zone, a DR centre, a cloud's city (rules-2026.12.48, real
    # shapes BY, CA): "DJ-AZ1", "G-클라우드 대전센터", "G-Cloud Daejeon", "부산 DR센터",
    # `datacenter = "BSN-DR"` ("Ulsan" alone is a plant's city, not where the VM goes).
    r"(?-i:\b[A-Z]{2,4}-AZ\d\b)|(?:대전|광주|대구|부산|서울|세종|인천|울산|목동|가산|상암|여의도|판교|"
    r"용인|분당|춘천|평촌|죽전|김포|제주) ?(?:dr ?)?(?:센터|idc)|"
    r"\b(?:g-?cloud|kt cloud|ncp|nhn cloud) +(?:daejeon|gwangju|daegu|busan|sejong|pangyo|gasan|"
    r"sangam|mokdong)\b|\bdatacenter\s*=\s*[\"'][\w-]+|"
    r"리전(?:은|는|도)? *[:：]? *(?:무관|해당 ?(?:사항 ?)?없|상관 ?없)|"
    r"[?&/]region(?:name|id)?[=/][a-z]{2}-[\w-]+|"
    r"(?:^|[/|,(] *)(?:서울|부산|도쿄|싱가포르)(?= *(?:$|[/|,)]))|"
    # A site's own zone code in a list (rules-2026.12.45, real shapes BI, BJ): "osp-gasan-prd
    # (GASAN-1)", "mnp-prd / 운영 / ANYANG-1 /", "chem-sim / daejeon-1 / 운영".
    r"(?:^|[/|,(] *)(?:(?-i:[A-Z]{4,10})|seoul|busan|daejeon|gwangju|daegu|incheon|ulsan|sejong|"
    r"gasan|anyang|sangam|pangyo|yongin|gimpo|jeju|osong|ochang|hwaseong|chuncheon|gumi|changwon)-\d"
    r"(?= *(?:$|[/|,)]))|"
    r"\b(?:korea ?(?:central|south)|japan ?(?:east|west)|(?:east|west|central|north|south|southeast|"
    r"northeast) ?(?:us|europe|asia|japan|uk|india|korea|australia) ?\d?|(?:us|europe|asia|uk|"
    r"australia|india|brazil|canada|france|germany|uae|sweden|norway|switzerland) ?(?:east|west|"
    r"central|north|south|southeast|northeast) ?\d?|(?:ap|us|eu|sa|ca|me|af)-(?:north|south|east|"
    r"west|central|northeast|southeast)-\d|(?:us|europe|asia|australia|northamerica|southamerica|me|"
    r"africa)-(?:north|south|east|west|central|northeast|southeast|southwest|northwest)\d)\b",
    r"(?:한국|일본|미국|동아시아) ?(?:중부|남부|동부|서부)|(?:서울|부산|도쿄) ?리전|(?:코리아|"
    r"재팬) ?(?:센트럴|사우스|이스트|웨스트)",
    # Moot, with the reason: "Region n/a - Azure DNS zones are global", "리전 무관 (글로벌)".
    r"\b(?:is|are) +global\b|\bglobal +(?:service|resource|zone|dns)\b|"
    r"\bregion\b *[:=]? *(?:n/?a|not (?:applicable|relevant|needed))\b *"
    r"(?:[-–—(,:]|because|since|as)|"
    r"리전 *[:：]? *(?:무관|해당 ?없음|상관 ?없음)|글로벌 ?(?:리소스|서비스)",
    # A region the site names its own way, said as a region (rules-2026.12.18, real shapes Q):
    # `region = "daejeon-1"`, "region sangam-1", "리전: KR-2", "(sangam-1, dev env)" is not one.
    r"\bregion\b[`'\"]? *[:=|]? *[`'\"]?[a-z][a-z0-9]*(?:-[a-z0-9]+)*-?\d\b|리전 *[:：|"
    r"]? *[A-Za-z][\w-]*\d\b|"
    r"\bncp +kr-\d\b|\bkr-\d +(?:region|리전)|"
    # A city region, the site's or a cloud's (rules-2026.12.31, real shapes AE): "OpenStack
    # kr-seoul-1", "Seoul region obviously".
    r"\b(?:kr|jp|de|pl|in|us|eu|uk|sg|cn|hk|tw)-[a-z]{3,12}-\d\b|\b(?:seoul|busan|tokyo|osaka|"
    r"singapore|frankfurt|london|ireland|virginia|oregon|mumbai|pune|sydney|sao paulo) +region\b|"
    # ... or after the word (rules-2026.12.40, real shapes AT): "Region Seoul.", "리전 서울".
    r"\bregion\b *[:=|]? *(?:seoul|busan|tokyo|osaka|singapore|frankfurt|london|ireland|virginia|"
    r"oregon|mumbai|sydney|jakarta|hong ?kong)\b|리전 *[:：|]? *(?:서울|부산|도쿄|오사카|싱가포르|"
    r"프랑크푸르트)",
    # A data centre the site names by its code (rules-2026.12.29, real shapes AC): "상암
    # 센터(SA1)", "DR center (AS1)", "the Frankfurt DC", "가산 IDC".
    r"(?:cent(?:er|re)|센터|\bidc|\bdc|\bsite) *\( *[a-z]{2,4}-?\d{1,2} *\)|"
    r"\b(?:primary|secondary|dr|main|backup|on-?prem) +(?:data ?cent(?:er|re)|dc|site)\b|"
    r"[가-힣]{2,5} ?(?:idc|데이터 ?센터)|\bdata ?cent(?:er|re) +[a-z]{2,4}-?\d{1,2}\b|"
    # ... or by its city (rules-2026.12.41, real shapes AU): "청주 DC", "Cheongju DC1".
    r"(?<![가-힣])(?!운영|개발|검증|테스트|스테이징|기존|신규|해당)[가-힣]{2,4} ?(?-i:DC)\d{0,2}\b|"
    r"(?-i:\b[A-Z][a-z]{3,} +DC\d{0,2})\b",
)
