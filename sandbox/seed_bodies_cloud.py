"""Description templates for cloud resource requests, in Korean and English.

Its own module because these are the layouts (the headings, tables and forms people paste),
filled in from the words in `seed_texts_cloud`: a layout changes without touching the words, and
the reverse. See `seed_markup` for the line markup and how lines naming a missing item are
dropped.
"""

from __future__ import annotations

BODIES = {
    "ko": (
        """
## 리소스 생성 요청
| 항목 | 값 |
| 리소스 | {kind} |
| 구독/리소스 그룹 | {subscription} |
| 환경 | {environment} |
| 리전 | {region} |
| 사양 | {resource_spec} |
| 네트워크 | {network} |
| 비용 부서 | {cost_owner} |
%%
""",
        """
안녕하세요, {team} {name}입니다.
{environment} 환경에 {kind}이(가) 필요해서 요청드립니다. || {kind}이(가) 필요해서 요청드립니다.
- 사양: {resource_spec}
- 리전: {region}
- 위치: {subscription}
- 네트워크: {network}
- 비용: {cost_owner}
%%
감사합니다 :pray:
""",
        """
{kind} 하나 부탁드립니다. {resource_spec} 정도면 됩니다. ||
{kind} 하나 부탁드립니다. 사양은 적당히 맞춰 주세요.
{region}, {environment}
%%
""",
        """
{kind}하고 {kind.2} 두 개 요청드립니다.
환경: {environment} / 리전: {region} || 환경: {environment} || 리전: {region}
## {kind}
- {resource_spec}
- {network}
## {kind.2}
- {resource_spec.2}
- {network.2}
구독: {subscription}
비용은 {cost_owner}(으)로 잡아 주세요.
%%
""",
        """
> {environment} 환경 오픈 일정 때문에 이번 주 안에 필요합니다. || > 이번 주 안에 필요합니다.
{kind} 요청입니다. 설계 문서: <https://wiki.example.com/display/ARCH/{svc}>
사양: {resource_spec}
구독/RG: `{subscription}`
리전: {region}
네트워크 설정: {?network}
```text
{network}
```
비용 부서: {cost_owner}
%%
""",
        """
{kind} 요청입니다 ({environment}) || {kind} 요청입니다
spec: {resource_spec}
region: {region}
network: {network}
cost center: {cost_owner}
subscription: {subscription}
%%
""",
        """
{team}에서 다음 달 {environment} 오픈 준비 중입니다. || {team}에서 신규 기능 오픈 준비 중입니다.
관련해서 {kind}이(가) 필요한데요, {resource_spec} 사양으로 {region}에 만들어 주시면 됩니다. ||
관련해서 {kind}이(가) 필요한데요, {resource_spec} 사양으로 부탁드립니다. ||
관련해서 {kind}이(가) 필요한데요, {region}에 만들어 주시면 됩니다. ||
관련해서 {kind}이(가) 필요합니다.
{subscription} 아래에 생성 부탁드리고, 네트워크는 {network} 입니다. ||
{subscription} 아래에 생성 부탁드립니다. || 네트워크는 {network} 입니다.
비용은 {cost_owner} 쪽으로 청구해 주세요.
%%
""",
        """
DevOps 리소스 신청 양식
1. 리소스 종류/사양: {kind} / {resource_spec} || 1. 리소스 종류: {kind}
2. 환경: {environment}
3. 리전: {region}
4. 구독/RG: {subscription}
5. 네트워크/DNS: {network}
6. 비용 부서: {cost_owner}
%%
""",
    ),
    "en": (
        """
## Resource request
| Item | Value |
| Resource | {kind} |
| Subscription / RG | {subscription} |
| Environment | {environment} |
| Region | {region} |
| SKU / size | {resource_spec} |
| Network | {network} |
| Cost center | {cost_owner} |
%%
""",
        """
Hi DevOps,
We need a new {kind} for the {environment} environment. || We need a new {kind}.
- Size: {resource_spec}
- Region: {region}
- Put it in {subscription}
- Networking: {network}
- Billing: {cost_owner}
%%
Thanks a lot!
""",
        """
Could you create a new {kind}? {resource_spec} should be fine. ||
Could you create a new {kind}? Any reasonable size is fine.
{environment}, {region}
%%
""",
        """
Two things for the same project:
1. {kind}: {resource_spec} || 1. {kind}
2. {kind.2}: {resource_spec.2} || 2. {kind.2}
Both in {environment} / {region}. || Both in {environment}. || Both in {region}.
Subscription/RG: {subscription}
Networking: {network}; {network.2}
Cost: {cost_owner}
%%
""",
        """
> Needed before the {environment} go-live next week. || > Needed before next week's go-live.
Requesting a new {kind}. Design doc: <https://wiki.example.com/display/ARCH/{svc}>
SKU: `{resource_spec}`
Where: {subscription} ({region}) || Where: {subscription} || Region: {region}
Network details: {?network}
```text
{network}
```
Charge to {cost_owner}.
%%
""",
        """
new {kind} pls || new {kind} pls
{environment} / {region} / {resource_spec} || {environment} / {region} || {environment} || {region}
%%
""",
        """
Hello,
{team} is launching a new feature and we need a new {kind} ({resource_spec}) in {region}. ||
{team} is launching a new feature and we need a new {kind} ({resource_spec}). ||
{team} is launching a new feature and we need a new {kind} in {region}. ||
{team} is launching a new feature and we need a new {kind}.
Environment: {environment}
It should live under {subscription}.
Network: {network}
Costs go to {cost_owner}.
%%
Regards,<br>{name}
""",
        """
Resource request form
1. Type / size: {kind} / {resource_spec} || 1. Type: {kind}
2. Environment: {environment}
3. Region: {region}
4. Subscription / RG: {subscription}
5. Network / DNS: {network}
6. Cost owner: {cost_owner}
%%
""",
    ),
}
