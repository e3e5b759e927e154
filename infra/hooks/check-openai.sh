#!/bin/sh
# azd preprovision hook: with LLM_PROVIDER=azure (the default), check before anything is deployed
# that the chosen region offers the model as a GlobalStandard deployment and that the subscription
# has the quota for it. A missing model or quota stops `azd up` here with what to do, instead of a
# half-deployed app. Reads the same azd environment values main.parameters.json passes to Bicep.
set -eu

provider="${LLM_PROVIDER:-azure}"
if [ "$provider" != "azure" ]; then
  echo "check-openai: LLM_PROVIDER=$provider, no Azure OpenAI model to deploy"
  exit 0
fi
location="${AZURE_OPENAI_LOCATION:-${AZURE_LOCATION:-}}"
model="${AZURE_OPENAI_MODEL:-gpt-4.1-mini}"
version="${AZURE_OPENAI_MODEL_VERSION:-2025-04-14}"
capacity=30  # thousand tokens a minute: openAiCapacity's default in main.bicep
sku="GlobalStandard"

fail() {
  echo "check-openai: $1" >&2
  echo "  Either pick a region that offers it:   azd env set AZURE_OPENAI_LOCATION swedencentral" >&2
  echo "  or deploy the rules analyzer alone:     azd env set LLM_PROVIDER none" >&2
  exit 1
}

if ! command -v az >/dev/null 2>&1; then
  fail "the Azure CLI (az) is needed to check the model and its quota in '${location:-?}'"
fi
if [ -z "$location" ]; then
  fail "no region: set AZURE_LOCATION (or AZURE_OPENAI_LOCATION for the model alone)"
fi

query="[?model.name=='$model' && model.version=='$version'].model.skus[].name"
if ! offered=$(az cognitiveservices model list --location "$location" --query "$query" -o tsv 2>/dev/null); then
  fail "could not list the models of '$location' (az login? the subscription?)"
fi
if ! printf '%s\n' "$offered" | grep -qx "$sku"; then
  fail "$model ($version) is not offered as a $sku deployment in '$location'"
fi

quota="OpenAI.$sku.$model"
usage=$(az cognitiveservices usage list --location "$location" \
  --query "[?name.value=='$quota'] | [0].[currentValue, limit]" -o tsv 2>/dev/null || true)
current=$(printf '%s' "$usage" | awk '{print int($1)}')
limit=$(printf '%s' "$usage" | awk '{print int($2)}')
if [ -z "$usage" ] || [ -z "$limit" ]; then
  fail "no $quota quota in '$location' (request it: https://aka.ms/oai/quotaincrease)"
fi
free=$((limit - current))
if [ "$free" -lt "$capacity" ]; then
  fail "$quota in '$location' has $free thousand tokens a minute free of $limit; the deployment needs $capacity (request more: https://aka.ms/oai/quotaincrease)"
fi
echo "check-openai: $model ($version, $sku) in '$location': $free of $limit thousand tokens a minute free, $capacity needed"
