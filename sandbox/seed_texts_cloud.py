"""Cloud resource tickets: Azure databases, storage, namespaces, IPs, DNS, Redis, Service Bus.

The resource kind ("Redis", "DNS record") is always named; the checklist item `resource_spec` is
the SKU/size/tier detail an assignee needs to actually create it.
"""

from __future__ import annotations

import random
from collections.abc import Collection
from datetime import datetime

from sandbox.seed_bodies_cloud import BODIES
from sandbox.seed_markup import CategoryTexts
from sandbox.seed_people import Reporter

# kind -> (Korean name, English name, variants of (spec ko, spec en, network ko, network en)).
# {d} team domain, {s} service, {a}/{b} IP octets. Names avoid the environment and region so
# those items stay truly missing when the ticket leaves them out.
KINDS: tuple[tuple[str, str, tuple[tuple[str, str, str, str], ...]], ...] = (
    ("PostgreSQL DB", "PostgreSQL database", (
        ("Flexible Server General Purpose D4ds_v5 (4 vCore, 16 GiB), 스토리지 256 GB",
         "Flexible Server, General Purpose D4ds_v5 (4 vCores, 16 GiB), 256 GB storage",
         "VNet vnet-{d}-spoke-01 / snet-db, private access만, snet-aks에서 5432 허용",
         "VNet vnet-{d}-spoke-01, subnet snet-db, private access only, allow 5432 from snet-aks"),
        ("Burstable B2s (2 vCore, 4 GiB), 스토리지 64 GB, 백업 보존 7일",
         "Burstable B2s (2 vCores, 4 GiB), 64 GB storage, 7-day backup retention",
         "private endpoint (vnet-{d}-spoke-01/snet-pe), 공용 접근 차단",
         "private endpoint in vnet-{d}-spoke-01/snet-pe, public access disabled"),
    )),
    ("MySQL DB", "MySQL database", (
        ("MySQL Flexible Server B2ms (2 vCore, 8 GiB), 스토리지 100 GB",
         "MySQL Flexible Server B2ms (2 vCores, 8 GiB), 100 GB storage",
         "snet-db 서브넷, {s} 파드에서 3306 접근",
         "subnet snet-db, port 3306 reachable from the {s} pods"),
    )),
    ("스토리지 계정", "storage account", (
        ("StorageV2, Standard_LRS, Hot tier, Blob 컨테이너 2개",
         "StorageV2, Standard_LRS, Hot tier, two blob containers",
         "private endpoint (snet-pe), public network access 차단",
         "private endpoint in snet-pe, public network access disabled"),
        ("Standard_ZRS, Cool tier, 약 2 TB 예상",
         "Standard_ZRS, Cool tier, about 2 TB expected",
         "방화벽에 AKS 아웃바운드 IP 20.41.{a}.{b} 허용",
         "firewall: allow the AKS outbound IP 20.41.{a}.{b}"),
    )),
    ("AKS 네임스페이스", "AKS namespace", (
        ("ResourceQuota cpu 4 / memory 8Gi / pods 30",
         "ResourceQuota cpu 4, memory 8Gi, 30 pods",
         "Ingress 호스트 {s}.internal.example.com, gateway 네임스페이스에서만 인바운드 허용",
         "ingress host {s}.internal.example.com, inbound only from the gateway namespace"),
        ("requests cpu 2 / memory 4Gi, limits cpu 4 / memory 8Gi",
         "requests cpu 2 / memory 4Gi, limits cpu 4 / memory 8Gi",
         "NetworkPolicy: 같은 네임스페이스 + monitoring 에서만 접근",
         "NetworkPolicy: same namespace and monitoring only"),
    )),
    ("로드밸런서 고정 IP", "static IP on the load balancer", (
        ("Public IP Standard SKU, Static, zone-redundant 1개",
         "one Standard SKU static public IP, zone-redundant",
         "lb-aks-{d} 프론트엔드에 연결, TCP 443 → 8443, 파트너사 방화벽 화이트리스트용",
         "attach to the lb-aks-{d} frontend, TCP 443 -> 8443, for the partner firewall allow-list"),
    )),
    ("DNS 레코드", "DNS record", (
        ("A 레코드, TTL 300", "A record, TTL 300",
         "{s}.example.co.kr → 20.41.{a}.{b}", "{s}.example.co.kr -> 20.41.{a}.{b}"),
        ("CNAME 레코드, TTL 3600", "CNAME record, TTL 3600",
         "{s}.example.co.kr → {s}-{d}.trafficmanager.net",
         "{s}.example.co.kr -> {s}-{d}.trafficmanager.net"),
        ("private DNS zone A 레코드 (privatelink.postgres.database.azure.com)",
         "private DNS zone A record (privatelink.postgres.database.azure.com)",
         "pg-{s}-01 → 10.20.{a}.{b}, vnet-{d}-spoke-01 링크",
         "pg-{s}-01 -> 10.20.{a}.{b}, linked to vnet-{d}-spoke-01"),
    )),
    ("Redis 캐시", "Redis cache", (
        ("Azure Cache for Redis Standard C1 (1 GB)", "Azure Cache for Redis Standard C1 (1 GB)",
         "private endpoint, 6380(TLS), snet-aks에서 접근",
         "private endpoint, port 6380 (TLS) from snet-aks"),
        ("Premium P1 (6 GB), 클러스터링 없이", "Premium P1 (6 GB), no clustering",
         "VNet 주입 vnet-{d}-spoke-01/snet-redis",
         "VNet injection into vnet-{d}-spoke-01/snet-redis"),
    )),
    ("Service Bus", "Service Bus namespace", (
        ("Standard tier, queue 2개 (order-created, payment-settled), topic 1개",
         "Standard tier, 2 queues (order-created, payment-settled), 1 topic",
         "public access off, private endpoint vnet-{d}-spoke-01/snet-pe",
         "public access off, private endpoint in vnet-{d}-spoke-01/snet-pe"),
    )),
)  # fmt: skip
ENVS = (("dev", "개발"), ("qa", "QA"), ("stg", "스테이징"), ("prod", "운영"))
REGIONS = ("koreacentral", "koreacentral", "koreacentral", "koreasouth", "japaneast", "eastus")


def context(
    rng: random.Random, lang: str, reporter: Reporter, created: datetime, missing: Collection[str]
) -> dict[str, str]:
    """Draw two resources plus one environment, region, subscription and cost owner."""
    team = reporter.team
    service = rng.choice(team.services)
    env, env_ko = rng.choice(ENVS)
    region = rng.choice(REGIONS)
    ctx: dict[str, str] = {"svc": service}
    for suffix, (kind_ko, kind_en, variants) in zip(("", ".2"), rng.sample(KINDS, 2), strict=True):
        spec_ko, spec_en, net_ko, net_en = rng.choice(variants)
        fmt = {"d": team.domain, "s": service, "a": rng.randint(16, 250), "b": rng.randint(2, 250)}
        ctx["kind" + suffix] = kind_ko if lang == "ko" else kind_en
        ctx["resource_spec" + suffix] = spec_ko if lang == "ko" else spec_en
        ctx["network" + suffix] = (net_ko if lang == "ko" else net_en).format(**fmt)
    if lang == "ko":
        ctx["environment"] = rng.choice((env_ko, f"{env_ko}({env})", env))
        ctx["region"] = region
        cost: tuple[str, ...] = (
            f"{team.ko} ({team.cost_center})",
            f"{team.cost_center}",
            f"예산 코드 {team.cost_center}-{created.year}",
        )
    else:
        ctx["environment"] = rng.choice((env, {"prod": "production", "stg": "staging"}.get(env, env)))
        ctx["region"] = region
        cost = (
            f"cost center {team.cost_center} ({team.en})",
            f"budget code {team.cost_center}-{created.year}",
        )
    ctx["cost_owner"] = rng.choice(cost)
    ctx["subscription"] = f"sub-{team.domain}-0{rng.randint(1, 3)} / rg-{service}-app"
    return ctx


SUMMARIES = {
    "ko": (
        "[{environment}] {kind} 생성 요청",
        "{kind} 생성 요청드립니다",
        "{environment} 환경 {kind} 신청 ({region})",
        "[리소스 요청] {kind} {resource_spec}",
        "[{environment}] {kind} {resource_spec} 생성 요청 ({region})",
        "{kind} + {kind.2} 생성 요청",
        "{kind} 하나 만들어 주세요",
        "{team} {kind} 신규 생성",
        "[{environment}/{region}] {kind} 요청 - 비용 {cost_owner}",
    ),
    "en": (
        "[{environment}] New {kind}",
        "Request: {kind} for {team}",
        "Need a new {kind} in {environment} ({region})",
        "Create {kind} ({resource_spec})",
        "[{environment}/{region}] {kind} - {resource_spec}",
        "{kind} + {kind.2} please",
        "Provision a new {kind}",
        "New {kind} for {team}, billed to {cost_owner}",
    ),
}

FALLBACKS = {
    "ko": {
        "subscription": "- 구독/RG: {subscription}",
        "environment": "- 환경: {environment}",
        "region": "- 리전: {region}",
        "resource_spec": "- 사양: {resource_spec}",
        "network": "- 네트워크: {network}",
        "cost_owner": "- 비용 부서: {cost_owner}",
    },
    "en": {
        "subscription": "- Subscription/RG: {subscription}",
        "environment": "- Environment: {environment}",
        "region": "- Region: {region}",
        "resource_spec": "- Size: {resource_spec}",
        "network": "- Network: {network}",
        "cost_owner": "- Cost center: {cost_owner}",
    },
}

CLOUD = CategoryTexts(
    name="cloud_resource",
    items=("subscription", "environment", "region", "resource_spec", "network", "cost_owner"),
    miss_weights=(1.2, 0.6, 0.9, 1.0, 1.3, 1.5),
    summaries=SUMMARIES,
    bodies=BODIES,
    fallbacks=FALLBACKS,
    context=context,
)
