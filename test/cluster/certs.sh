# Certificates and credentials for the local cluster, made with openssl. Sourced by cluster.sh.

# sign NAME SUBJECT [SAN] -> pki/NAME.{key,crt} signed by the cluster CA.
sign() {
  local name="$1" subject="$2" san="${3:-}" pki="$STATE_DIR/pki"
  openssl genrsa -out "$pki/$name.key" 2048 2>/dev/null
  openssl req -new -key "$pki/$name.key" -subj "$subject" -out "$pki/$name.csr" 2>/dev/null
  local extensions="$pki/$name.ext"
  {
    echo "basicConstraints=CA:FALSE"
    echo "keyUsage=digitalSignature,keyEncipherment"
    echo "extendedKeyUsage=serverAuth,clientAuth"
    [ -n "$san" ] && echo "subjectAltName=$san"
  } > "$extensions"
  openssl x509 -req -in "$pki/$name.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial -days 3650 \
    -extfile "$extensions" -out "$pki/$name.crt" 2>/dev/null
  rm -f "$pki/$name.csr" "$extensions"
}

make_credentials() {
  local pki="$STATE_DIR/pki"
  [ -f "$pki/tokens.csv" ] && return 0
  mkdir -p "$pki"
  openssl genrsa -out "$pki/ca.key" 2048 2>/dev/null
  openssl req -x509 -new -key "$pki/ca.key" -subj "/CN=kview-local-ca" -days 3650 -out "$pki/ca.crt" 2>/dev/null
  sign apiserver "/CN=kube-apiserver" \
    "IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,IP:10.96.0.1"
  sign kubelet "/CN=localhost" "IP:127.0.0.1,DNS:localhost"
  sign apiserver-kubelet-client "/O=system:masters/CN=kube-apiserver-kubelet-client"
  # The kubelet authenticates as system:node:localhost so the Node authorizer grants it exactly a node's rights.
  sign kubelet-client "/O=system:nodes/CN=system:node:localhost"
  openssl genrsa -out "$pki/sa.key" 2048 2>/dev/null
  openssl rsa -in "$pki/sa.key" -pubout -out "$pki/sa.pub" 2>/dev/null
  local admin_token viewer_token
  admin_token=$(openssl rand -hex 16)
  viewer_token=$(openssl rand -hex 16)
  printf '%s,kview-admin,kview-admin,"system:masters"\n%s,kview-viewer,kview-viewer\n' \
    "$admin_token" "$viewer_token" > "$pki/tokens.csv"
}

token_of() {
  grep ",$1," "$STATE_DIR/pki/tokens.csv" | cut -d, -f1
}

# The kubeconfig kview, kubectl and the tests use: an admin context and a restricted one (RBAC tests).
write_kubeconfigs() {
  local server="https://127.0.0.1:$APISERVER_PORT" pki="$STATE_DIR/pki"
  cat > "$KUBECONFIG_FILE" <<YAML
apiVersion: v1
kind: Config
clusters:
- name: kview-local
  cluster:
    server: $server
    certificate-authority: $pki/ca.crt
users:
- name: kview-admin
  user:
    token: $(token_of kview-admin)
- name: kview-viewer
  user:
    token: $(token_of kview-viewer)
contexts:
- name: kview-admin
  context: {cluster: kview-local, user: kview-admin}
- name: kview-restricted
  context: {cluster: kview-local, user: kview-viewer, namespace: demo}
current-context: kview-admin
YAML
  cat > "$STATE_DIR/kubelet.kubeconfig" <<YAML
apiVersion: v1
kind: Config
clusters:
- name: kview-local
  cluster: {server: $server, certificate-authority: $pki/ca.crt}
users:
- name: kubelet
  user: {client-certificate: $pki/kubelet-client.crt, client-key: $pki/kubelet-client.key}
contexts:
- name: kubelet
  context: {cluster: kview-local, user: kubelet}
current-context: kubelet
YAML
  chmod 600 "$KUBECONFIG_FILE" "$STATE_DIR/kubelet.kubeconfig"
}
