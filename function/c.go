package function

// cGen generates the c driver.
// TODO(driver): being written; until then it reports ErrNoDriver.
type cGen struct{}

func (cGen) Starter(sig *Signature) (string, error) { return "", ErrNoDriver }

func (cGen) Program(sig *Signature, user []byte) (*Program, error) { return nil, ErrNoDriver }
