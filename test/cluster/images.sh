# Builds OCI image tarballs with no registry: one layer holding a static binary, imported with `ctr images import`.
# Sourced by cluster.sh.

PAUSE_IMAGE=kview.local/pause:3.2
BUSYBOX_IMAGE=kview.local/busybox:1

# write_blob DIR FILE -> prints "sha256:<hex> <size>" and stores FILE under DIR/blobs/sha256.
write_blob() {
  local dir="$1" file="$2" hex size
  hex=$(sha256sum "$file" | cut -d' ' -f1)
  size=$(stat -c %s "$file")
  mkdir -p "$dir/blobs/sha256"
  cp "$file" "$dir/blobs/sha256/$hex"
  echo "sha256:$hex $size"
}

# build_image NAME ROOTFS_DIR ENTRYPOINT_JSON OUT_TAR
build_image() {
  local name="$1" rootfs="$2" entrypoint="$3" out="$4"
  local work; work=$(mktemp -d)
  tar -C "$rootfs" --owner=0 --group=0 --numeric-owner -cf "$work/layer.tar" .
  local layer_digest layer_size
  read -r layer_digest layer_size < <(write_blob "$work/oci" "$work/layer.tar")
  printf '{"architecture":"amd64","os":"linux","config":{"Entrypoint":%s,"Env":["PATH=/bin"]},"rootfs":{"type":"layers","diff_ids":["%s"]}}' \
    "$entrypoint" "$layer_digest" > "$work/config.json"
  local config_digest config_size
  read -r config_digest config_size < <(write_blob "$work/oci" "$work/config.json")
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"%s","size":%s}]}' \
    "$config_digest" "$config_size" "$layer_digest" "$layer_size" > "$work/manifest.json"
  local manifest_digest manifest_size
  read -r manifest_digest manifest_size < <(write_blob "$work/oci" "$work/manifest.json")
  printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":%s,"annotations":{"io.containerd.image.name":"%s","org.opencontainers.image.ref.name":"%s"}}]}' \
    "$manifest_digest" "$manifest_size" "$name" "${name##*:}" > "$work/oci/index.json"
  echo '{"imageLayoutVersion":"1.0.0"}' > "$work/oci/oci-layout"
  tar -C "$work/oci" -cf "$out" .
  rm -rf "$work"
}

build_images() {
  local images_dir="$CACHE_DIR/images"
  mkdir -p "$images_dir"
  if [ ! -f "$images_dir/pause.tar" ]; then
    local rootfs; rootfs=$(mktemp -d)
    cp "$BIN_DIR/pause" "$rootfs/pause"
    build_image "$PAUSE_IMAGE" "$rootfs" '["/pause"]' "$images_dir/pause.tar"
    rm -rf "$rootfs"
  fi
  if [ ! -f "$images_dir/busybox.tar" ]; then
    local rootfs; rootfs=$(mktemp -d)
    mkdir -p "$rootfs/bin" "$rootfs/tmp" "$rootfs/etc"
    cp /bin/busybox "$rootfs/bin/busybox"
    for applet in $("$rootfs/bin/busybox" --list); do
      [ "$applet" = busybox ] || ln -s busybox "$rootfs/bin/$applet"
    done
    echo 'root:x:0:0:root:/root:/bin/sh' > "$rootfs/etc/passwd"
    build_image "$BUSYBOX_IMAGE" "$rootfs" '["/bin/sh"]' "$images_dir/busybox.tar"
    rm -rf "$rootfs"
  fi
}

import_images() {
  local socket="$1"
  for image in pause busybox; do
    ctr --address "$socket" -n k8s.io images import "$CACHE_DIR/images/$image.tar" >/dev/null
  done
}
