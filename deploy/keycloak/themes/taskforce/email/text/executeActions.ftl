<#ftl output_format="plainText">
<#assign actions = requiredActions![]>
<#if user?? && user.firstName?has_content>${msg("taskforceGreeting", user.firstName)}<#else>${msg("taskforceGreetingAnonymous")}</#if>

${msg("taskforceInviteIntro")}
<#list actions as action>
<#assign key = "taskforceAction." + action>
<#assign label = msg(key)>
<#if label == key><#assign label = msg("requiredAction." + action)></#if>
  - ${label}
</#list>
<#if actions?seq_contains("CONFIGURE_TOTP") || actions?seq_contains("webauthn-register")>

${msg("taskforceInviteSecondFactor")}
</#if>

${msg("taskforceInviteButton")}
${link}

${msg("taskforceLinkValidity", linkExpirationFormatter(linkExpiration))}

${msg("taskforceInviteIgnore")}

-- 
${msg("taskforceName")} — ${msg("taskforceTagline")}
${msg("taskforceFooter")}
