@echo off
rem The mtasts Pulumi resource provider plugin on Windows: what bin/pulumi-resource-mtasts is
rem elsewhere. It runs the plugin jar found beside it (a plugin installed from its archive), or
rem ..\provider\target\pulumi-resource-mtasts.jar (this file in the repository's bin folder). It
rem needs Java 17 or newer: JAVA_HOME's, else the java on PATH. stdout carries only the port.
rem Unlike the shell launcher it records no class data sharing archive: the JVM's own default
rem archive is used. MTASTS_PROVIDER_JAVA_OPTS adds JVM options.
setlocal EnableExtensions
set "NAME=pulumi-resource-mtasts"
set "JAR=%~dp0%NAME%.jar"
if not exist "%JAR%" set "JAR=%~dp0..\provider\target\%NAME%.jar"
if not exist "%JAR%" (
  echo %NAME%: %~dp0%NAME%.jar not found: reinstall the plugin from its archive ^(pulumi plugin install resource mtasts VERSION --file ARCHIVE^) 1>&2
  exit /b 2
)

set "GET_JAVA=install a Java runtime 17 or newer (for example Eclipse Temurin 17) and put its bin folder on PATH or set JAVA_HOME to it"
if defined JAVA_HOME (
  set "JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA=java.exe"
)
if defined JAVA_HOME if not exist "%JAVA%" (
  echo %NAME%: JAVA_HOME is %JAVA_HOME%, which has no bin\java.exe; %GET_JAVA% 1>&2
  exit /b 2
)
if not defined JAVA_HOME (
  where java.exe >nul 2>&1 || (
    echo %NAME%: needs Java 17 or newer and found none ^(JAVA_HOME is unset and no java is on PATH^); %GET_JAVA% 1>&2
    exit /b 2
  )
)

rem The version is the third word of the first line of `java -version`: "17.0.9", "21", "1.8.0_292".
set "VERSION="
for /f "tokens=3" %%v in ('"%JAVA%" -version 2^>^&1 ^| findstr /i /c:" version "') do if not defined VERSION set "VERSION=%%~v"
for /f "tokens=1,2 delims=._-+" %%a in ("%VERSION%") do (
  set "MAJOR=%%a"
  if "%%a"=="1" set "MAJOR=%%b"
)
if not defined MAJOR (
  echo %NAME%: cannot tell the version of %JAVA%; it needs Java 17 or newer: %GET_JAVA% 1>&2
  exit /b 2
)
if %MAJOR% LSS 17 (
  echo %NAME%: needs Java 17 or newer, and %JAVA% is Java %MAJOR%; %GET_JAVA% 1>&2
  exit /b 2
)

"%JAVA%" -Xlog:disable -Xlog:all=warning:stderr -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:MaxRAMPercentage=25 -XX:-UsePerfData -Xshare:auto %MTASTS_PROVIDER_JAVA_OPTS% -cp "%JAR%" io.github.mtasts.provider.ProviderMain %*
exit /b %ERRORLEVEL%
