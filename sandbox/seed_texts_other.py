"""Tickets outside the four checklists: questions, licences, meetings, thanks (no checklist)."""

from __future__ import annotations

import random
from collections.abc import Collection
from datetime import datetime

from sandbox.seed_markup import CategoryTexts
from sandbox.seed_people import Reporter

PRODUCTS = (
    "IntelliJ IDEA Ultimate",
    "Postman Enterprise",
    "Lens Pro",
    "DataGrip",
    "GitHub Copilot",
)
DAYS = {
    "ko": ("월요일", "화요일", "수요일", "목요일", "금요일"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
}


def context(
    rng: random.Random, lang: str, reporter: Reporter, created: datetime, missing: Collection[str]
) -> dict[str, str]:
    """Draw the few details these free-form tickets mention."""
    return {
        "product": rng.choice(PRODUCTS),
        "service": rng.choice(reporter.team.services),
        "day": rng.choice(DAYS[lang]),
    }


SUMMARIES = {
    "ko": (
        "{product} 라이선스 요청",
        "kubeconfig 받는 방법 문의",
        "배포 프로세스 설명 미팅 요청",
        "온콜 슬랙 채널 초대 부탁드립니다",
        "지난달 Azure 비용 리포트 문의",
        "문의드립니다",
    ),
    "en": (
        "{product} license",
        "How do I get a kubeconfig?",
        "Meeting: walkthrough of the release process",
        "Add me to the on-call Slack channel",
        "Question about last month's Azure bill",
        "Quick question",
    ),
}

BODIES = {
    "ko": (
        """
= {product} 라이선스 요청 || {product} 라이선스 신청드립니다
안녕하세요, {team} {name}입니다.
{product} 라이선스 1개 요청드립니다. 기존 라이선스가 이번 달 말에 만료됩니다.
구매가 필요하면 팀 예산으로 진행해도 됩니다.
""",
        """
= kubeconfig 받는 방법 문의 || AKS 접속 방법 문의
{service} 로그를 직접 보고 싶은데 kubeconfig는 어디서 받을 수 있나요?
위키에서 찾아봤는데 예전 문서만 있네요 :sweat_smile: <https://wiki.example.com/display/DEVOPS/AKS+Access>
""",
        """
= 배포 프로세스 설명 미팅 요청 || [미팅] ArgoCD 배포 흐름 공유 요청
{team}에 새로 오신 분들이 있어서 배포 프로세스를 30분 정도 설명해 주실 수 있을까요?
가능한 시간: {day} 오후
""",
        """
= 온콜 슬랙 채널 초대 부탁드립니다
#devops-oncall 채널에 초대 부탁드립니다 :pray:
""",
        """
= Grafana 대시보드 공유 가능할까요? || 대시보드 문의
{service} 응답시간 대시보드가 있으면 링크 공유 부탁드려요.
없으면 만드는 방법이라도 알려주시면 감사하겠습니다.
""",
        """
= 지난달 Azure 비용 리포트 문의 || 클라우드 비용 문의
{team} 구독 비용이 지난달보다 많이 늘었는데 항목별로 볼 수 있는 방법이 있을까요?
""",
        """
= 신규 입사자 DevOps 가이드 문서 위치 || 온보딩 문서 문의
## 질문
DevOps 관련 온보딩 문서가 어디 있는지 궁금합니다.
- CI/CD 가이드
- 모니터링 가이드
- 장애 대응 절차
""",
        """
= 지난번 장애 대응 감사합니다
덕분에 빨리 복구됐습니다 :thumbsup: 회고 자료 공유해 주실 수 있나요?
""",
    ),
    "en": (
        """
= {product} license || License request: {product}
Hi, could I get a {product} seat? My trial ends this week.
Happy to charge it to the team budget.
""",
        """
= How do I get a kubeconfig? || AKS access question
I'd like to look at the {service} logs myself. Where do I get a kubeconfig from?
The wiki page seems outdated :sweat_smile: <https://wiki.example.com/display/DEVOPS/AKS+Access>
""",
        """
= Meeting: walkthrough of the release process || Can someone walk us through ArgoCD?
We have new people in {team}. Could someone give a 30-minute walkthrough of how releases work?
We're free on {day} afternoon.
""",
        """
= Add me to the on-call Slack channel
Please invite me to #devops-oncall :pray:
""",
        """
= Is there a Grafana dashboard for {service}? || Dashboard question
Is there a latency dashboard for {service}? If not, how would I build one?
""",
        """
= Question about last month's Azure bill || Cloud cost question
Our subscription cost went up a lot last month. Is there a way to see it broken down by resource?
""",
        """
= Where are the DevOps onboarding docs? || Onboarding docs
## Question
Where can I find the onboarding docs for:
- CI/CD
- monitoring
- incident response
""",
        """
= Thanks for the quick fix yesterday
Thanks for jumping on the outage yesterday :thumbsup: Will there be a postmortem doc?
""",
    ),
}

OTHER = CategoryTexts(
    name="other",
    items=(),
    miss_weights=(),
    summaries=SUMMARIES,
    bodies=BODIES,
    fallbacks={"ko": {}, "en": {}},
    context=context,
)
