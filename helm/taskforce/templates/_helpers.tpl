{{/*
Chart name, truncated to the 63 characters Kubernetes allows in names.
*/}}
{{- define "taskforce.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name: the release name, plus the chart name unless the release already contains it.
*/}}
{{- define "taskforce.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "taskforce.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "taskforce.selectorLabels" -}}
app.kubernetes.io/name: {{ include "taskforce.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Selector of the application pods. The component label keeps the migration Job's pod out of
the Service, the PodDisruptionBudget and the Deployment.
*/}}
{{- define "taskforce.serverSelectorLabels" -}}
{{ include "taskforce.selectorLabels" . }}
app.kubernetes.io/component: server
{{- end }}

{{- define "taskforce.labels" -}}
helm.sh/chart: {{ include "taskforce.chart" . }}
{{ include "taskforce.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: taskforce
{{- end }}

{{- define "taskforce.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "taskforce.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image reference: by digest when one is given, else by tag (default: the chart's appVersion).
*/}}
{{- define "taskforce.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/*
Non-secret configuration, as "NAME: value" lines. The ConfigMap carries it for the
application pods; the migration Job (a pre-install hook, which runs before the ConfigMap
exists) receives the same values inline.
*/}}
{{- define "taskforce.config" -}}
MICRONAUT_SERVER_PORT: "8080"
DATASOURCE_URL: {{ required "database.url is required" .Values.database.url | quote }}
OIDC_ISSUER: {{ required "oidc.issuer is required" .Values.oidc.issuer | quote }}
OIDC_JWKS_URL: {{ default (printf "%s/protocol/openid-connect/certs" .Values.oidc.issuer) .Values.oidc.jwksUrl | quote }}
OIDC_AUDIENCE: {{ .Values.oidc.audience | quote }}
OIDC_PUBLIC_URL: {{ .Values.oidc.publicUrl | quote }}
OIDC_REALM: {{ .Values.oidc.realm | quote }}
OIDC_SPA_CLIENT_ID: {{ .Values.oidc.spaClientId | quote }}
KEYCLOAK_ADMIN_URL: {{ default .Values.oidc.publicUrl .Values.keycloakAdmin.url | quote }}
KEYCLOAK_ADMIN_REALM: {{ .Values.keycloakAdmin.realm | quote }}
KEYCLOAK_ADMIN_CLIENT_ID: {{ .Values.keycloakAdmin.clientId | quote }}
TASKFORCE_PUBLIC_URL: {{ required "publicUrl is required" .Values.publicUrl | quote }}
SMTP_HOST: {{ required "smtp.host is required" .Values.smtp.host | quote }}
SMTP_PORT: {{ .Values.smtp.port | int | toString | quote }}
MAIL_FROM: {{ required "smtp.from is required" .Values.smtp.from | quote }}
SMTP_STARTTLS: {{ .Values.smtp.starttls | toString | quote }}
{{- with .Values.evidence.s3 }}{{- if .enabled }}
EVIDENCE_S3_ENABLED: "true"
EVIDENCE_S3_ENDPOINT: {{ .endpoint | quote }}
EVIDENCE_S3_REGION: {{ .region | quote }}
EVIDENCE_S3_BUCKET: {{ required "evidence.s3.bucket is required when evidence.s3.enabled" .bucket | quote }}
EVIDENCE_S3_PATH_STYLE: {{ .pathStyle | toString | quote }}
EVIDENCE_S3_PREFIX: {{ .prefix | quote }}
{{- end }}{{- end }}
JAVA_TOOL_OPTIONS: {{ .Values.javaToolOptions | quote }}
{{- if .Values.audit.anchors.enabled }}
AUDIT_ANCHOR_DIR: {{ .Values.audit.anchors.mountPath | quote }}
{{- else if not .Values.audit.anchor.s3.bucket }}
{{- fail "audit.anchors.enabled is false and audit.anchor.s3.bucket is empty: checkpoints need a place outside the database (the volume, a bucket with object lock, or both)" }}
{{- end }}
{{- with .Values.audit.anchor.s3 }}{{- if .bucket }}
AUDIT_ANCHOR_S3_BUCKET: {{ .bucket | quote }}
AUDIT_ANCHOR_S3_ENDPOINT: {{ .endpoint | quote }}
AUDIT_ANCHOR_S3_REGION: {{ .region | quote }}
AUDIT_ANCHOR_S3_PATH_STYLE: {{ .pathStyle | toString | quote }}
AUDIT_ANCHOR_S3_RETENTION_DAYS: {{ .retentionDays | int | toString | quote }}
AUDIT_ANCHOR_S3_MODE: {{ .mode | quote }}
{{- end }}{{- end }}
AUDIT_WITNESS_URL: {{ .Values.audit.witnessUrl | quote }}
AUDIT_EXPORT_CONCURRENCY: {{ .Values.audit.exportConcurrency | int | toString | quote }}
TRUSTED_PROXIES: {{ join "," .Values.trustedProxies | quote }}
{{- end }}

{{/*
The claim that holds the audit anchors: an existing one, or the chart's own.
*/}}
{{- define "taskforce.auditAnchorsClaim" -}}
{{- default (printf "%s-audit-anchors" (include "taskforce.fullname" .)) .Values.audit.anchors.existingClaim -}}
{{- end }}

{{/*
Application role credentials, referenced from an existing Secret.
*/}}
{{- define "taskforce.datasourceSecretEnv" -}}
- name: DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.usernameKey }}
- name: DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.passwordKey }}
{{- end }}

{{/*
Schema owner credentials (migrations only), referenced from an existing Secret.
*/}}
{{- define "taskforce.flywaySecretEnv" -}}
- name: FLYWAY_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.migration.existingSecret }}
      key: {{ .Values.database.migration.usernameKey }}
- name: FLYWAY_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.migration.existingSecret }}
      key: {{ .Values.database.migration.passwordKey }}
{{- end }}

{{/*
Other application secrets, referenced from existing Secrets.
*/}}
{{- define "taskforce.appSecretEnv" -}}
- name: KEYCLOAK_ADMIN_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .Values.keycloakAdmin.existingSecret }}
      key: {{ .Values.keycloakAdmin.clientSecretKey }}
- name: AUDIT_CHECKPOINT_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.audit.existingSecret }}
      key: {{ .Values.audit.checkpointKeyKey }}
{{- with .Values.smtp.existingSecret }}
- name: SMTP_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $.Values.smtp.usernameKey }}
- name: SMTP_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $.Values.smtp.passwordKey }}
{{- end }}
{{- if and .Values.audit.anchor.s3.bucket .Values.audit.anchor.s3.existingSecret }}
- name: AUDIT_ANCHOR_S3_ACCESS_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.audit.anchor.s3.existingSecret }}
      key: {{ .Values.audit.anchor.s3.accessKeyKey }}
- name: AUDIT_ANCHOR_S3_SECRET_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.audit.anchor.s3.existingSecret }}
      key: {{ .Values.audit.anchor.s3.secretKeyKey }}
{{- end }}
{{- if and .Values.evidence.s3.enabled .Values.evidence.s3.existingSecret }}
- name: EVIDENCE_S3_ACCESS_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.evidence.s3.existingSecret }}
      key: {{ .Values.evidence.s3.accessKeyKey }}
- name: EVIDENCE_S3_SECRET_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.evidence.s3.existingSecret }}
      key: {{ .Values.evidence.s3.secretKeyKey }}
{{- end }}
{{- end }}
