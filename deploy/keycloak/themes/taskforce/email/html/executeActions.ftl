<#-- Sent when an administrator (or the application, on an invitation) asks a user to act: set a password,
     and for staff set up a second factor. -->
<#import "template.ftl" as layout>
<#assign actions = requiredActions![]>
<@layout.emailLayout>
<@layout.greeting/>
<p>${msg("taskforceInviteIntro")}</p>
<ul style="padding-left:20px;">
<#list actions as action>
  <#assign key = "taskforceAction." + action>
  <#assign label = msg(key)>
  <#if label == key><#assign label = msg("requiredAction." + action)></#if>
  <li style="margin:4px 0;">${label}</li>
</#list>
</ul>
<#if actions?seq_contains("CONFIGURE_TOTP") || actions?seq_contains("webauthn-register")>
<p>${msg("taskforceInviteSecondFactor")}</p>
</#if>
<@layout.button href=link label=msg("taskforceInviteButton")/>
<p><strong>${msg("taskforceLinkValidity", linkExpirationFormatter(linkExpiration))}</strong></p>
<p style="color:#334155;">${msg("taskforceInviteIgnore")}</p>
</@layout.emailLayout>
