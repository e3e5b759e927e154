"""Description templates for troubleshooting tickets, in Korean and English.

Its own module because these are the layouts (the headings, tables and forms people paste),
filled in from the words in `seed_texts_trouble`: a layout changes without touching the words, and
the reverse. See `seed_markup` for the line markup and how lines naming a missing item are
dropped.
"""

from __future__ import annotations

BODIES = {
    "ko": (
        """
## 증상 {?symptom}
{symptom}
## 발생 시점 {?when}
{when}
## 환경 {?where}
{where}
## 에러 로그 {?error}
```
{error}
```
## 재현 방법 {?steps}
1. {steps}
## 영향도 {?impact}
{impact}
%%
""",
        """
{where}에서 {when} {symptom} || {where}에서 {symptom} || {when} {symptom} || {symptom} ||
{where}에서 {when} 뭔가 이상합니다. || {where}에서 뭔가 이상합니다. || {when} 뭔가 이상합니다. ||
뭔가 이상합니다 ㅠㅠ
에러는 아래와 같습니다. {?error}
```
{error}
```
{impact}
%%
확인 부탁드려요 :pray:
""",
        """
```
{error}
```
봐주세요 ㅠ
%%
""",
        """
| 항목 | 내용 |
| 증상 | {symptom} |
| 시점 | {when} |
| 위치 | {where} |
| 에러 | `{error.line}` |
| 영향 | {impact} |
재현 절차 {?steps}
1. {steps}
%%
""",
        """
> :rotating_light: 긴급: {impact} || > :rotating_light: 긴급 확인 부탁드립니다
{symptom} ({when}) || {symptom} || 상황 공유드립니다 ({when}) || 상황 공유드립니다
환경: {where}
재현: {?steps}
1. {steps}
로그: {?error}
```log
{error}
```
%%
""",
        """
안녕하세요, {team} {name}입니다.
{symptom}. 어제까지는 문제 없었는데 {when} 이러네요. || {symptom}. ||
어제까지는 문제 없었는데 {when} 문제가 생겼습니다. || 문제가 생겨서 문의드립니다.
위치는 {where}입니다.
제가 한 작업은 다음과 같습니다. {?steps}
1. {steps}
마지막에 `{error.line}` 가 찍힙니다.
{impact}
%%
""",
        """
{symptom} (since {when}) || {symptom}
env: {where}
error: `{error.line}`
repro: {?steps}
- {steps}
impact: {impact}
%%
""",
        """
제목 그대로입니다. 확인 부탁드려요.
%%
""",
        """
- 증상: {symptom}
- 언제: {when}
- 어디: {where}
- 영향: {impact}
로그 첨부합니다 {?error}
```
{error}
```
재현은 아래 순서입니다 {?steps}
1. {steps}
%%
""",
    ),
    "en": (
        """
## Symptom {?symptom}
{symptom}
## Since {?when}
{when}
## Environment {?where}
{where}
## Error {?error}
```
{error}
```
## Steps to reproduce {?steps}
1. {steps}
## Impact {?impact}
{impact}
%%
""",
        """
Hi, in {where} {when}: {symptom}. || Hi, in {where}: {symptom}. || Hi, {when}: {symptom}. ||
Hi, {symptom}. || Hi, something is off in {where}. || Hi, something is off.
Here's what I get: {?error}
```
{error}
```
Impact: {impact}
%%
Any idea? :eyes:
""",
        """
```
{error}
```
pls help
%%
""",
        """
| What | Details |
| Symptom | {symptom} |
| Since | {when} |
| Where | {where} |
| Error | `{error.line}` |
| Impact | {impact} |
Repro: {?steps}
1. {steps}
%%
""",
        """
> :rotating_light: {impact} || > :rotating_light: Please take a look asap
{symptom} ({when}) || {symptom} || Heads-up ({when}) || Heads-up
Where: {where}
How to reproduce: {?steps}
1. {steps}
Logs: {?error}
```log
{error}
```
%%
""",
        """
Hello, {name} from {team} here.
{symptom}. It worked fine yesterday, but {when} it doesn't. || {symptom}. ||
It worked fine yesterday, but {when} it doesn't. || Something stopped working.
This is on {where}.
What I did: {?steps}
1. {steps}
The last line says `{error.line}`.
Impact: {impact}.
%%
""",
        """
{symptom}, {when}. || {symptom}.
{where}
`{error.line}`
%%
""",
        """
As in the title. Please check.
%%
""",
        """
- What: {symptom}
- When: {when}
- Where: {where}
- Impact: {impact}
Log below {?error}
```
{error}
```
Steps {?steps}
1. {steps}
%%
""",
    ),
}
