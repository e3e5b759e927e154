"""What people write in comments: the assignee's questions, the reporter's answers, done notes.

Questions ask for the ticket's missing checklist items, so the sandbox history shows the
clarifying rounds the bot is meant to save (and the metrics can count them).
"""

from __future__ import annotations

QUESTIONS = {
    "ko": {
        "tool": "어떤 시스템 권한이 필요하신가요?",
        "scope": "어떤 그룹/프로젝트(네임스페이스)에 권한이 필요하신가요?",
        "role": "필요한 권한 레벨(Developer, Maintainer, Reader 등)을 알려주세요.",
        "justification": "권한이 필요한 사유를 간단히 적어주실 수 있을까요?",
        "approver": "팀장님 승인이 필요합니다. 승인자가 누구신가요?",
        "subscription": "어느 구독/리소스 그룹에 만들까요?",
        "environment": "어떤 환경인가요? (dev/qa/stg/prod)",
        "region": "리전은 어디로 할까요?",
        "resource_spec": "필요한 사양(SKU, 용량)을 알려주세요.",
        "network": "네트워크 구성(VNet/서브넷, 접근 경로)은 어떻게 되나요?",
        "cost_owner": "비용 부서(코스트 센터)를 알려주세요.",
        "symptom": "정확히 어떤 현상인지 조금 더 설명 부탁드립니다.",
        "when": "언제부터 발생했나요?",
        "where": "어느 환경/서비스(또는 저장소)인가요?",
        "error": "에러 메시지나 로그를 붙여주실 수 있을까요?",
        "steps": "재현 방법을 알려주세요.",
        "impact": "영향 범위가 어느 정도인가요? 급한 건인가요?",
        "service": "어떤 서비스인가요?",
        "version": "배포할 버전(태그나 커밋)을 알려주세요.",
        "argocd_app": "ArgoCD 앱 이름이 어떻게 되나요?",
    },
    "en": {
        "tool": "Which tool do you need access to?",
        "scope": "Which group/project (or namespace) should the access cover?",
        "role": "Which role do you need (Developer, Maintainer, Reader...)?",
        "justification": "Could you add a short reason for the access?",
        "approver": "We need a manager's approval. Who approved this?",
        "subscription": "Which subscription / resource group should it go in?",
        "environment": "Which environment? (dev/qa/stg/prod)",
        "region": "Which region?",
        "resource_spec": "What size/SKU do you need?",
        "network": "What are the network details (VNet/subnet, who connects to it)?",
        "cost_owner": "Which cost center should we bill?",
        "symptom": "Could you describe what exactly happens?",
        "when": "Since when is this happening?",
        "where": "Which environment/service (or repo) is this?",
        "error": "Can you paste the exact error or the log?",
        "steps": "How can we reproduce it?",
        "impact": "Who is affected, and how urgent is it?",
        "service": "Which service is this for?",
        "version": "Which version (tag or commit) should we deploy?",
        "argocd_app": "What's the ArgoCD app name?",
    },
}

# How a reporter answers: the item's value inside a short phrase (error and steps get markup).
ANSWERS = {
    "ko": (
        "{value} 입니다.",
        "{value}(으)로 부탁드립니다.",
        "아 빠뜨렸네요, {value} 입니다 :sweat_smile:",
    ),
    "en": ("It's {value}.", "{value}, thanks.", "Sorry, forgot that: {value}."),
}
ANSWER_SPECIAL = {
    "ko": {
        "error": "로그 첨부합니다.\n```\n{error}\n```",
        "steps": "재현 순서입니다.\n1. {steps}",
        "impact": "{impact}",
        "symptom": "현상은 '{symptom}' 입니다.",
        "when": "{when} 발생했습니다.",
        "justification": "사유는 {justification}입니다.",
        "approver": "{approver} 승인 받았습니다.",
    },
    "en": {
        "error": "Here's the log:\n```\n{error}\n```",
        "steps": "Steps:\n1. {steps}",
        "impact": "Impact: {impact}.",
        "symptom": "{symptom}.",
        "when": "It's been happening {when}.",
        "justification": "It's for {justification}.",
        "approver": "Approved by {approver}.",
    },
}

ACKS = {
    "ko": (
        "확인했습니다. 진행하겠습니다.",
        "담당자 배정되었습니다. 확인 후 공유드릴게요.",
        "살펴보고 있습니다 :eyes:",
    ),
    "en": ("Thanks, looking into it.", "Picked this up.", "On it :eyes:"),
}
DONE = {
    "ko": {
        "access": (
            "권한 부여 완료했습니다. 재로그인 후 확인 부탁드립니다.",
            "추가했습니다. 확인 부탁드려요.",
        ),
        "cloud_resource": (
            "리소스 생성 완료했습니다. 접속 정보는 Key Vault에 등록해 두었습니다.",
            "생성 완료했습니다. Terraform 코드도 머지했습니다.",
        ),
        "troubleshooting": (
            "원인 확인 후 조치 완료했습니다. 재시도 부탁드립니다.",
            "러너/노드 쪽 문제였고 조치했습니다. 다시 확인해 주세요.",
        ),
        "deployment": (
            "배포 완료했습니다. ArgoCD Healthy 확인했습니다.",
            "반영 완료입니다 :white_check_mark:",
        ),
        "other": (
            "안내드렸습니다. 추가 문의는 새 티켓으로 부탁드립니다.",
            "처리했습니다 :thumbsup:",
        ),
    },
    "en": {
        "access": ("Access granted. Please log out and back in.", "Done, you should have it now."),
        "cloud_resource": (
            "Created. Connection details are in Key Vault.",
            "Provisioned, Terraform change merged.",
        ),
        "troubleshooting": (
            "Found the cause and fixed it. Please retry.",
            "It was the runner/node side; fixed. Please check again.",
        ),
        "deployment": ("Deployed, ArgoCD shows Healthy.", "Rolled out :white_check_mark:"),
        "other": ("Answered above; open a new ticket for anything else.", "Done :thumbsup:"),
    },
}
THANKS = {
    "ko": ("감사합니다!", "확인했습니다, 잘 됩니다 :thumbsup:", "빠른 처리 감사합니다 :bow:"),
    "en": ("Thanks!", "Works now, thank you :thumbsup:", "Confirmed, thanks a lot."),
}
