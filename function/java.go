package function

// javaGen generates the java driver.
// TODO(driver): being written; until then it reports ErrNoDriver.
type javaGen struct{}

func (javaGen) Starter(sig *Signature) (string, error) { return "", ErrNoDriver }

func (javaGen) Program(sig *Signature, user []byte) (*Program, error) { return nil, ErrNoDriver }
