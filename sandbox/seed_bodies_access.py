"""Description templates for access requests, in Korean and English.

Its own module because these are the layouts (the headings, tables and forms people paste),
filled in from the words in `seed_texts_access`: a layout changes without touching the words, and
the reverse. See `seed_markup` for the line markup and how lines naming a missing item are
dropped.
"""

from __future__ import annotations

BODIES = {
    "ko": (
        """
안녕하세요, {team} {name}입니다 :smile:
{tool} 권한 요청드립니다. || 권한 요청드립니다.
- 대상: {scope}
- 필요 권한: {role}
- 사유: {justification}
- 승인: {approver} 승인 완료
%%
확인 부탁드립니다. 감사합니다!
""",
        """
## 권한 요청서
| 항목 | 내용 |
| 시스템 | {tool} |
| 범위 | {scope} |
| 권한 | {role} |
| 사유 | {justification} |
| 승인자 | {approver} |
%%
""",
        """
제목 참고 부탁드립니다 :pray:
%%
""",
        """
{team}에 이번 주 입사한 {name}입니다. 온보딩 중인데 아래 권한이 필요합니다.
1. {tool} / {tool.2}
2. 범위: {scope} / {scope.2}
3. 권한: {role} / {role.2} || 3. 권한은 팀 다른 분들과 동일하게 부탁드립니다.
사유: {justification}
승인자: {approver.mention} || 승인은 팀장님께 따로 받겠습니다.
%%
""",
        """
{approver.mention} 님께 승인 받았습니다. || 승인 관련해서는 아직 확인 전입니다 :sweat_smile:
{tool}에서 {scope} 쪽 {role} 권한 부탁드려요. || {tool} {scope} 권한 부탁드려요. ||
{tool} 권한 부탁드려요. || 권한 부탁드려요.
사유는 {justification}입니다.
%%
""",
        """
> 기존 권한이 만료되어 재요청입니다.
{tool} 권한이 만료됐는지 접속이 안 됩니다. || 권한이 만료됐는지 접속이 안 됩니다.
이전과 동일하게 {scope}, {role}(으)로 부탁드립니다. || 범위는 {scope}입니다. ||
권한은 {role}(으)로 부탁드립니다. || 이전과 동일하게 부탁드립니다.
사유: {justification}
팀장 승인: {approver}
%%
""",
        """
Hi, {team} {name}입니다.
Need **{role}** access on {tool} ({scope}). || Need access on {tool} ({scope}). ||
Need {role} access on {tool}. || Need access on {tool}. || Need access, please.
사유: {justification}
approved by {approver}
%%
감사합니다 :bow:
""",
        """
## 요청 내용
- 시스템: {tool}
- 경로/범위: `{scope}` || - 범위는 담당자분께서 판단해 주세요.
- 권한: {role}
## 배경
{justification} 관련해서 필요합니다. || 업무상 필요합니다.
## 승인
{approver} 확인 완료 (메일로 승인 받음) || 승인 필요하면 말씀 부탁드립니다.
%%
""",
        """
안녕하세요 DevOps팀,
{team}에서 작업 중인데 {tool} 권한이 없어서 막혀 있습니다. ||
{team}에서 작업 중인데 권한이 없어서 막혀 있습니다.
사유는 {justification}입니다.
{scope}에 {role} 권한 받을 수 있을까요? || {scope} 권한 받을 수 있을까요? ||
{role} 권한 받을 수 있을까요?
파트장님({approver.mention}) 승인은 받아 두었습니다.
%%
좋은 하루 되세요!
""",
        """
{tool}, {tool.2} 둘 다 권한 필요합니다 || 툴 두 개 권한 필요합니다
| 도구 | 범위 | 권한 |
| --- | --- | --- |
| {tool} | {scope} | {role} |
| {tool.2} | {scope.2} | {role.2} |
사유: {justification} (급합니다)
승인자: {approver}
%%
""",
    ),
    "en": (
        """
Hi team,
Could you give me {role} access to {tool} for {scope}? ||
Could you give me access to {tool} for {scope}? || Could you give me {role} access to {tool}? ||
Could you give me access to {tool}? || Could you give me access, please?
This is for {justification}.
{approver} already approved it.
%%
Thanks!
""",
        """
## Access request
| Field | Value |
| Tool | {tool} |
| Scope | {scope} |
| Role | {role} |
| Justification | {justification} |
| Approver | {approver} |
%%
""",
        """
See title :pray:
%%
""",
        """
I just joined {team} and I'm going through onboarding. I need:
- {tool}: {scope}, {role} || - {tool}: {scope} || - {tool}: {role} || - {tool}
- {tool.2}: {scope.2}, {role.2} || - {tool.2}: {scope.2} || - {tool.2}: {role.2} || - {tool.2}
Reason: {justification}
My manager {approver.mention} approved this. || I'll get my manager to approve if needed.
%%
""",
        """
{tool} access please, {role} on {scope}. || {tool} access please. || Access please.
Reason: {justification}
Approver: {approver}
%%
""",
        """
> Renewal: my previous access expired last week.
I can no longer log in to {tool}. || I can no longer log in.
Same as before: {scope}, {role}. || Same scope as before: {scope}. ||
Same role as before: {role}. || Same as before, please.
Why: {justification}
Approved by {approver}.
%%
""",
        """
Hello,
I'm {name} from {team}. For {justification} I need to be able to use {tool}. ||
I'm {name} from {team}. I need to be able to use {tool}. || I'm {name} from {team}.
Scope: `{scope}`
Role: {role} is enough. || Not sure which role I need, whatever the team usually gets.
@[{approver.name}] can confirm the approval. || Let me know if you need an approval from someone.
%%
Cheers,<br>{name}
""",
        """
## What
{tool} - {role} || {tool} || Access
## Where
{scope} || (not sure, ask me)
## Why
{justification}
## Approval
{approver} (approved in Slack: <https://example.slack.com/archives/C04DEVOPS/p1731040000>)
%%
""",
        """
hey, can I get {tool} {role} for {scope}? thx || hey, can I get {tool} for {scope}? thx ||
hey, can I get {tool} access? thx || hey, can I get access? thx
%%
""",
        """
Requesting access to two tools at once :smile:
| Tool | Scope | Role |
| --- | --- | --- |
| {tool} | {scope} | {role} |
| {tool.2} | {scope.2} | {role.2} |
Reason: {justification}.<br>Approved by {approver}.
%%
""",
    ),
}
