#!/usr/bin/env bash
# Makes sure PostgreSQL (127.0.0.1:5432), MariaDB (127.0.0.1:3306) and Redis (127.0.0.1:6379, the
# rate limiter's optional store) answer, starting them if needed.
set -euo pipefail

wait_for() {
  local name=$1 check=$2
  for _ in $(seq 1 60); do
    if eval "$check" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "ensure-databases: $name did not come up within 60 s" >&2
  exit 1
}

pg_up() { node -e "const {Client}=require('pg');const c=new Client({host:'127.0.0.1',port:5432,user:'postgres',database:'postgres'});c.connect().then(()=>c.end()).catch(()=>process.exit(1))"; }
maria_up() { node -e "require('mysql2/promise').createConnection({host:'127.0.0.1',port:3306,user:'root',password:''}).then(c=>c.end()).catch(()=>process.exit(1))"; }

if ! pg_up >/dev/null 2>&1; then
  if ! command -v pg_ctlcluster >/dev/null || [ ! -d /etc/postgresql ]; then
    echo "ensure-databases: PostgreSQL is not installed on this machine (no pg_ctlcluster / /etc/postgresql)" >&2
    exit 1
  fi
  echo "ensure-databases: starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
  wait_for PostgreSQL pg_up
fi

if ! maria_up >/dev/null 2>&1; then
  if [ ! -x /usr/sbin/mariadbd ]; then
    echo "ensure-databases: MariaDB is not installed on this machine (no /usr/sbin/mariadbd)" >&2
    exit 1
  fi
  echo "ensure-databases: starting MariaDB"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  wait_for MariaDB maria_up
fi

redis_up() { node -e "const R=require('ioredis');const r=new R('redis://127.0.0.1:6379',{lazyConnect:true,maxRetriesPerRequest:0,retryStrategy:()=>null});r.connect().then(()=>r.ping()).then(()=>r.quit()).catch(()=>process.exit(1))"; }

if ! redis_up >/dev/null 2>&1; then
  if ! command -v redis-server >/dev/null; then
    echo "ensure-databases: Redis is not installed on this machine (no redis-server)" >&2
    exit 1
  fi
  echo "ensure-databases: starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for Redis redis_up
fi

echo "ensure-databases: PostgreSQL, MariaDB and Redis are up"
